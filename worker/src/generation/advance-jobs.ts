import { generateArticlesChunks } from '@spark/contracts';
import type { Pool } from '@spark/db';
import { addAnalysisJob, addGenerationChunks, addResumeChunk, markQueued } from '@spark/jobs';
import type { Queue } from 'bullmq';

/** A producer has this long to enqueue its own job before process-queue does it instead. */
const PENDING_GRACE_S = 30;
/** A generation job that has not moved for this long, yet still holds reservations, gets a resume chunk. */
const STALLED_AFTER_S = 120;
const RESUME_WINDOW_MS = 5 * 60_000;

interface JobRef {
  id: string;
  site_id: string;
  campaign_id: string | null;
  type: string;
  total: number;
}

/** Enqueues jobs whose producer committed the row but could not reach Redis (the outbox pattern). */
export async function enqueuePendingJobs(
  pool: Pool,
  queue: Queue,
  siteIds: string[] | null,
): Promise<number> {
  const { rows } = await pool.query<JobRef>(
    `select id, site_id, campaign_id, type, total from generation_jobs
     where status = 'pending' and date_created < now() - make_interval(secs => $2)
       and ($1::uuid[] is null or site_id = any($1::uuid[]))
     order by date_created limit 100`,
    [siteIds, PENDING_GRACE_S],
  );
  for (const job of rows) {
    const data = { generationJobId: job.id, siteId: job.site_id };
    if (job.type === 'generate_articles' && job.campaign_id) {
      await addGenerationChunks(
        queue,
        generateArticlesChunks({
          id: job.id,
          siteId: job.site_id,
          campaignId: job.campaign_id,
          total: job.total,
        }),
      );
    } else if (job.type === 'scan_duplicates' || job.type === 'insert_links') {
      await addAnalysisJob(queue, job.type, data);
    } else {
      continue;
    }
    await markQueued(pool, job.id);
  }
  return rows.length;
}

/**
 * Safety net behind BullMQ's stalled-job recovery: a generation job with reserved headlines left and no
 * progress for two minutes gets one more chunk (at most one per job per five minutes, by its job id).
 */
export async function resumeStalledJobs(pool: Pool, queue: Queue, siteIds: string[] | null): Promise<number> {
  const { rows } = await pool.query<JobRef>(
    `select j.id, j.site_id, j.campaign_id, j.type, j.total from generation_jobs j
     where j.type = 'generate_articles' and j.status in ('queued', 'running') and j.campaign_id is not null
       and coalesce(j.date_updated, j.date_created) < now() - make_interval(secs => $2)
       and ($1::uuid[] is null or j.site_id = any($1::uuid[]))
       and exists (select 1 from headline_inventory h where h.claimed_by_job = j.id and h.status = 'claimed')
     limit 100`,
    [siteIds, STALLED_AFTER_S],
  );
  const window = Math.floor(Date.now() / RESUME_WINDOW_MS);
  for (const job of rows) {
    if (!job.campaign_id) continue;
    await addResumeChunk(
      queue,
      { generationJobId: job.id, siteId: job.site_id, campaignId: job.campaign_id },
      window,
    );
  }
  return rows.length;
}
