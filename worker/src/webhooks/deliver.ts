import {
  LEAD_WEBHOOK_DELIVERY_HEADER,
  LEAD_WEBHOOK_EVENT_HEADER,
  LEAD_WEBHOOK_SIGNATURE_HEADER,
  leadWebhookJobs,
} from '@spark/contracts';
import type { Pool } from '@spark/db';
import { type Job, UnrecoverableError } from 'bullmq';
import { log } from '../logging.js';
import { ForbiddenAddressError, guardedPost, type Resolver } from './guarded-post.js';
import { loadDelivery } from './load-delivery.js';
import { signWebhook } from './sign.js';

const TIMEOUT_MS = 10_000;

/** The one failure text for anything below HTTP (DNS, refused, timeout, forbidden address). */
export const UNREACHABLE = 'could not reach the webhook receiver (the server log has details)';

export interface DeliveryOptions {
  /** Overrides the environment's decision (tests). */
  enforcePolicy?: boolean;
  /** Name resolution for the connect-time check (tests simulate a rebinding DNS server). */
  resolve?: Resolver;
}

/**
 * Internal addresses are refused in production; development and the test stack deliver to loopback receivers.
 * WEBHOOK_ALLOW_INTERNAL_TARGETS=true lifts it for on-premise receivers.
 */
export const enforceAddressPolicy = (env: NodeJS.ProcessEnv = process.env) =>
  env.NODE_ENV === 'production' && env.WEBHOOK_ALLOW_INTERNAL_TARGETS !== 'true';

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
export async function deliverLeadWebhook(
  pool: Pool,
  job: Job,
  options: DeliveryOptions = {},
): Promise<{ status: string }> {
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
  const body = JSON.stringify(delivery.body);
  let status: number;
  try {
    status = await guardedPost(delivery.target.url, body, {
      timeoutMs: TIMEOUT_MS,
      enforcePolicy: options.enforcePolicy ?? enforceAddressPolicy(),
      ...(options.resolve ? { resolve: options.resolve } : {}),
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
    // Editors read webhook_last_error: which host, port or address failed, and how (refused, timed out,
    // forbidden), would let them map our network through it. The detail goes to the server log only.
    log().warn({ err: error, submissionId }, 'webhook delivery failed');
    return fail(UNREACHABLE, error instanceof ForbiddenAddressError);
  }
  if (status >= 200 && status < 300) {
    await recordAttempt(pool, submissionId, { error: null, final: true });
    return { status: 'delivered' };
  }
  return fail(`receiver answered HTTP ${status}`, !retryable(status));
}
