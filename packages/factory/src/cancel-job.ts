import { AppError } from '@spark/contracts';
import { withTransaction, writeWorkLog } from '@spark/db';
import { TERMINAL_JOB_STATUSES } from '@spark/jobs';
import type { FactoryDeps } from './deps.js';
import { getJobStatus } from './jobs.js';
import { canAccessSite, type Principal } from './principal.js';

/**
 * Cancels an unfinished generation job. The worker checks the job's status between batches and stops; a batch
 * already running finishes and commits its articles (they are real, so `processed` stays true). Headlines
 * still reserved for the job go back to `available` now; rows a running batch holds locked are skipped (that
 * batch turns them into articles), so cancelling never waits for the worker.
 */
export async function cancelJob(deps: FactoryDeps, principal: Principal, id: string) {
  const released = await withTransaction(deps.db, async (client) => {
    const { rows } = await client.query<{ site_id: string; status: string }>(
      'select site_id, status from generation_jobs where id = $1 for update',
      [id],
    );
    const job = rows[0];
    if (!job || !canAccessSite(principal, job.site_id)) {
      throw new AppError('NOT_FOUND', `No generation job ${id} is visible to you`);
    }
    if (TERMINAL_JOB_STATUSES.has(job.status)) {
      throw new AppError(
        'CONFLICT',
        `The job is already ${job.status}; only unfinished jobs can be cancelled`,
      );
    }
    await client.query(
      `update generation_jobs set status = 'cancelled', finished_at = now(), started_at = coalesce(started_at, now())
       where id = $1`,
      [id],
    );
    const returned = await client.query(
      `update headline_inventory set status = 'available', claimed_by_job = null, claimed_at = null
       where id in (select id from headline_inventory where claimed_by_job = $1 and status = 'claimed'
                    for update skip locked)`,
      [id],
    );
    const count = returned.rowCount ?? 0;
    await writeWorkLog(
      {
        action: 'generation.cancel',
        entityType: 'generation_jobs',
        entityId: id,
        siteId: job.site_id,
        userId: principal.userId,
        level: 'warning',
        details: { previous_status: job.status, headlines_returned: count },
      },
      client,
    );
    return count;
  });
  return { data: { ...(await getJobStatus(deps, principal, id)), headlines_returned: released } };
}
