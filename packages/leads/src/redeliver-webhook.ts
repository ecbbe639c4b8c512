import { AppError } from '@spark/contracts';
import { type Pool, withTransaction, writeWorkLog } from '@spark/db';
import type { LeadActor } from './lead-pipeline.js';

export interface RedeliveryDeps {
  db: Pool;
  /** Adds the delivery job to the queue the worker delivers from; false = the queue did not take it. */
  enqueueRedelivery(submissionId: string, attemptsSoFar: number): Promise<boolean>;
}

interface Submission {
  id: string;
  site_id: string;
  webhook_status: 'none' | 'pending' | 'delivered' | 'failed';
  webhook_attempts: number;
}

/**
 * Sends a lead's webhook again: the submission goes back to `pending` (the worker delivers only pending ones,
 * which keeps an ordinary retry from calling a receiver twice) and its delivery job is queued; the worker signs
 * and retries it like the first one. A delivery still pending is already on its way, and a submission sent
 * while no webhook was configured has nowhere to go: both are a conflict, not a new job.
 */
export async function redeliverLeadWebhook(
  deps: RedeliveryDeps,
  actor: LeadActor,
  leadId: string,
  submissionId: string | undefined,
): Promise<{ submission_id: string; webhook_status: 'pending' }> {
  const submission = await withTransaction(deps.db, async (client) => {
    const { rows } = await client.query<Submission>(
      `select s.id, s.site_id, s.webhook_status, s.webhook_attempts
       from form_submissions s join leads l on l.id = s.lead_id and l.site_id = s.site_id
       where l.id = $1 and ($2::uuid[] is null or l.site_id = any($2::uuid[]))
         and ($3::uuid is null or s.id = $3::uuid)
       order by s.date_created desc, s.id desc limit 1
       for update of s`,
      [leadId, actor.scope, submissionId ?? null],
    );
    const found = rows[0];
    if (!found) throw new AppError('NOT_FOUND', `No submission of lead ${leadId} is visible to you`);
    if (found.webhook_status === 'pending')
      throw new AppError('CONFLICT', 'This delivery is already queued; the worker sends it shortly');
    if (found.webhook_status === 'none')
      throw new AppError(
        'CONFLICT',
        'No webhook was configured when this lead arrived, so there is nothing to send',
      );
    await client.query(`update form_submissions set webhook_status = 'pending' where id = $1`, [found.id]);
    await writeWorkLog(
      {
        action: 'lead.webhook_redelivered',
        entityType: 'leads',
        entityId: leadId,
        siteId: found.site_id,
        userId: actor.userId,
        details: {
          submission_id: found.id,
          previous_status: found.webhook_status,
          attempts: found.webhook_attempts,
        },
      },
      client,
    );
    return found;
  });
  // Queued after the commit, so the worker finds the submission pending.
  if (!(await deps.enqueueRedelivery(submission.id, submission.webhook_attempts))) {
    await deps.db.query(
      `update form_submissions set webhook_status = $2 where id = $1 and webhook_status = 'pending'`,
      [submission.id, submission.webhook_status],
    );
    throw new AppError('SERVICE_UNAVAILABLE', 'The delivery queue is not reachable; try again in a minute');
  }
  return { submission_id: submission.id, webhook_status: 'pending' };
}
