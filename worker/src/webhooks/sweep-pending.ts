import type { Pool } from '@spark/db';
import { addLeadWebhook } from '@spark/jobs';
import type { Queue } from 'bullmq';

/**
 * Re-enqueues deliveries still pending after `olderThanSeconds` (their enqueue was lost, e.g. Redis was down
 * right after the lead committed). The deterministic job id makes this a no-op for jobs still in the queue.
 */
export async function sweepPendingWebhooks(
  pool: Pool,
  queue: Queue,
  olderThanSeconds: number,
): Promise<number> {
  const { rows } = await pool.query<{ id: string }>(
    `select id from form_submissions
     where webhook_status = 'pending'
       and date_created < now() - make_interval(secs => $1)
       and date_created > now() - interval '7 days'
     order by date_created limit 500`,
    [olderThanSeconds],
  );
  for (const { id } of rows) await addLeadWebhook(queue, id);
  return rows.length;
}
