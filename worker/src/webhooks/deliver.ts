import {
  LEAD_WEBHOOK_DELIVERY_HEADER,
  LEAD_WEBHOOK_EVENT_HEADER,
  LEAD_WEBHOOK_SIGNATURE_HEADER,
  leadWebhookJobs,
} from '@spark/contracts';
import type { Pool } from '@spark/db';
import { type Job, UnrecoverableError } from 'bullmq';
import { loadDelivery } from './load-delivery.js';
import { signWebhook } from './sign.js';
import { assertPublicTarget } from './target-guard.js';

const TIMEOUT_MS = 10_000;

async function recordAttempt(
  pool: Pool,
  submissionId: string,
  outcome: { error: string | null; final: boolean },
) {
  await pool.query(
    `update form_submissions set
       webhook_attempts = webhook_attempts + 1,
       webhook_last_error = $2,
       webhook_status = case when $2::text is null then 'delivered' when $3 then 'failed' else webhook_status end,
       webhook_delivered_at = case when $2::text is null then now() else webhook_delivered_at end
     where id = $1`,
    [submissionId, outcome.error?.slice(0, 1000) ?? null, outcome.final],
  );
}

/** 408, 429 and 5xx are the receiver's temporary trouble: retry. Any other non-2xx is a refusal: stop. */
const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

/**
 * Delivers one lead webhook. Idempotent: a submission that is no longer pending is skipped, so a duplicate job
 * or a replay never calls the receiver twice after success. Each attempt is recorded on the submission.
 */
export async function deliverLeadWebhook(pool: Pool, job: Job): Promise<{ status: string }> {
  const payload = leadWebhookJobs.deliver.payload.safeParse(job.data);
  if (!payload.success) throw new UnrecoverableError(`invalid ${job.name} payload: ${payload.error.message}`);
  const { submissionId } = payload.data;
  const delivery = await loadDelivery(pool, submissionId);
  if (!delivery) return { status: 'skipped: submission or lead is gone' };
  if (delivery.status !== 'pending') return { status: `skipped: already ${delivery.status}` };
  const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const fail = async (error: string, final: boolean) => {
    await recordAttempt(pool, submissionId, { error, final: final || lastAttempt });
    throw final ? new UnrecoverableError(error) : new Error(error);
  };
  if (!delivery.target) return fail(delivery.problem ?? 'no webhook', true);
  try {
    await assertPublicTarget(delivery.target.url);
  } catch (error) {
    return fail((error as Error).message, true);
  }
  const body = JSON.stringify(delivery.body);
  let response: Response;
  try {
    response = await fetch(delivery.target.url, {
      method: 'POST',
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Spark-Webhooks/1',
        [LEAD_WEBHOOK_EVENT_HEADER]: delivery.body.event,
        [LEAD_WEBHOOK_DELIVERY_HEADER]: submissionId,
        [LEAD_WEBHOOK_SIGNATURE_HEADER]: signWebhook(
          delivery.target.secret,
          body,
          Math.floor(Date.now() / 1000),
        ),
      },
    });
  } catch (error) {
    return fail(`request failed: ${(error as Error).message}`, false);
  }
  await response.body?.cancel().catch(() => {});
  if (response.ok) {
    await recordAttempt(pool, submissionId, { error: null, final: true });
    return { status: 'delivered' };
  }
  return fail(`receiver answered HTTP ${response.status}`, !retryable(response.status));
}
