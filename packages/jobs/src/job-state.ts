import { FINISHED_JOB_STATUSES, type JOB_STATUSES } from '@spark/contracts';
import { type Pool, type PoolClient, withTransaction, writeWorkLog } from '@spark/db';

/**
 * The SQL of a `generation_jobs` row's life: pending (committed, maybe not yet in Redis) → queued (BullMQ has
 * its entries) → running → completed | failed | cancelled. Producers, the worker and the API share it.
 */
export type JobStatusName = (typeof JOB_STATUSES)[number];
/** A job in one of these never changes status again (the list browsers use too, in `@spark/contracts`). */
export const TERMINAL_JOB_STATUSES: ReadonlySet<string> = new Set(FINISHED_JOB_STATUSES);

export interface GenerationJobRow {
  id: string;
  site_id: string;
  campaign_id: string | null;
  type: 'generate_headlines' | 'generate_articles' | 'scan_duplicates' | 'insert_links' | 'publish_articles';
  status: JobStatusName;
  params: Record<string, unknown>;
  total: number;
  processed: number;
  failed: number;
}

/** generation_jobs.error holds the first failure reasons, not an unbounded log. */
const ERROR_TEXT_LIMIT = 2000;

export async function loadGenerationJob(
  client: Pool | PoolClient,
  id: string,
): Promise<GenerationJobRow | null> {
  const { rows } = await client.query<GenerationJobRow>(
    'select id, site_id, campaign_id, type, status, params, total, processed, failed from generation_jobs where id = $1',
    [id],
  );
  return rows[0] ?? null;
}

/**
 * Adds a batch's counts in the batch's own transaction, so `processed` always equals the articles that
 * exist. The job completes when every reserved headline is accounted for; finishing writes work_log.
 */
export async function recordBatchProgress(
  client: PoolClient,
  jobId: string,
  counts: { processed: number; failed: number; failureNote: string | null },
): Promise<string> {
  const { rows } = await client.query<{ status: string; site_id: string; processed: number; failed: number }>(
    `update generation_jobs set
       processed = processed + $2,
       failed = failed + $3,
       progress = least(100, round(100.0 * (processed + $2 + failed + $3) / greatest(total, 1), 2)),
       status = case when status in ('failed', 'cancelled') then status
                     when processed + $2 + failed + $3 < total then 'running'
                     when processed + $2 = 0 then 'failed' else 'completed' end,
       started_at = coalesce(started_at, now()),
       finished_at = case when status not in ('failed', 'cancelled') and processed + $2 + failed + $3 >= total
                          then now() else finished_at end,
       error = case when $4::text is null or char_length(coalesce(error, '')) >= $5 then error
                    else left(concat_ws(E'\\n', error, $4::text), $5) end
     where id = $1
     returning status, site_id, processed, failed`,
    [jobId, counts.processed, counts.failed, counts.failureNote, ERROR_TEXT_LIMIT],
  );
  const job = rows[0];
  // A job whose every headline failed made nothing: it ends `failed` (the reasons are in `error`), so it never
  // looks like a clean run; one with some failures completes with `failed` > 0 and a warning.
  const finished = job?.status === 'completed' || (job?.status === 'failed' && job.processed === 0);
  if (job && finished && counts.processed + counts.failed > 0) {
    await writeWorkLog(
      {
        action: job.status === 'failed' ? 'generation.failed' : 'generation.completed',
        entityType: 'generation_jobs',
        entityId: jobId,
        siteId: job.site_id,
        level: job.status === 'failed' ? 'error' : job.failed > 0 ? 'warning' : 'info',
        details: { processed: job.processed, failed: job.failed },
      },
      client,
      { oncePerEntity: true },
    );
  }
  return job?.status ?? 'missing';
}

/**
 * A chunk failed for good (attempts used up, or a permanent error): the job fails with the reason and its
 * unused reservations go back to the inventory for the next job.
 */
export async function failGenerationJob(pool: Pool, jobId: string, reason: string): Promise<void> {
  await withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ site_id: string }>(
      `update generation_jobs set status = 'failed', error = left($2, $3), finished_at = now(),
              started_at = coalesce(started_at, now())
       where id = $1 and status not in ('completed', 'failed', 'cancelled') returning site_id`,
      [jobId, reason, ERROR_TEXT_LIMIT],
    );
    const job = rows[0];
    if (!job) return;
    await client.query(
      `update headline_inventory set status = 'available', claimed_by_job = null, claimed_at = null
       where claimed_by_job = $1 and status = 'claimed'`,
      [jobId],
    );
    await writeWorkLog(
      {
        action: 'generation.failed',
        entityType: 'generation_jobs',
        entityId: jobId,
        siteId: job.site_id,
        level: 'error',
        details: { reason: reason.slice(0, 500) },
      },
      client,
    );
  });
}

/**
 * A job whose BullMQ entries Redis accepted moves from `pending` to `queued`. One Redis refused stays
 * `pending`, and process-queue enqueues it later; the status guard keeps a worker that already started it
 * `running`.
 */
export async function markQueued(client: Pool | PoolClient, jobId: string): Promise<void> {
  await client.query(`update generation_jobs set status = 'queued' where id = $1 and status = 'pending'`, [
    jobId,
  ]);
}

export async function markJobRunning(pool: Pool, jobId: string): Promise<void> {
  await pool.query(
    `update generation_jobs set status = 'running', started_at = coalesce(started_at, now())
     where id = $1 and status in ('pending', 'queued')`,
    [jobId],
  );
}

/** Completes a job that is not counted in reserved headlines (scans, linking) and logs what it did. */
export async function finishJob(
  pool: Pool,
  jobId: string,
  action: string,
  details: Record<string, unknown>,
): Promise<void> {
  await withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ site_id: string }>(
      `update generation_jobs set status = 'completed', progress = 100, finished_at = now(),
              started_at = coalesce(started_at, now())
       where id = $1 and status not in ('completed', 'failed', 'cancelled') returning site_id`,
      [jobId],
    );
    if (!rows[0]) return;
    await writeWorkLog(
      {
        action,
        entityType: 'generation_jobs',
        entityId: jobId,
        siteId: rows[0].site_id,
        details,
      },
      client,
    );
  });
}
