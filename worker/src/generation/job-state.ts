import { type Pool, type PoolClient, withTransaction } from '@spark/db';

export interface GenerationJobRow {
  id: string;
  site_id: string;
  campaign_id: string | null;
  type: 'generate_headlines' | 'generate_articles' | 'scan_duplicates' | 'insert_links' | 'publish_articles';
  status: 'pending' | 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
  params: Record<string, unknown>;
  total: number;
  processed: number;
  failed: number;
}

export const FINISHED = new Set(['completed', 'failed', 'cancelled']);
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
                     when processed + $2 + failed + $3 >= total then 'completed' else 'running' end,
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
  if (job?.status === 'completed' && counts.processed + counts.failed > 0) {
    await client.query(
      `insert into work_log (action, entity_type, entity_id, site_id, level, details)
       select 'generation.completed', 'generation_jobs', $1, $2, case when $4 > 0 then 'warning' else 'info' end,
              jsonb_build_object('processed', $3::int, 'failed', $4::int)
       where not exists (select 1 from work_log where action = 'generation.completed' and entity_id = $1)`,
      [jobId, job.site_id, job.processed, job.failed],
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
    await client.query(
      `insert into work_log (action, entity_type, entity_id, site_id, level, details)
       values ('generation.failed', 'generation_jobs', $1, $2, 'error', jsonb_build_object('reason', left($3, 500)))`,
      [jobId, job.site_id, reason],
    );
  });
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
    await client.query(
      `insert into work_log (action, entity_type, entity_id, site_id, details)
       values ($1, 'generation_jobs', $2, $3, $4)`,
      [action, jobId, rows[0].site_id, details],
    );
  });
}
