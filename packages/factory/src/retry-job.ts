import { AppError, generateArticlesChunks } from '@spark/contracts';
import { withTransaction, writeWorkLog } from '@spark/db';
import { markQueued } from '@spark/jobs';
import { loadVisibleCampaign } from './campaign-row.js';
import type { FactoryDeps } from './deps.js';
import { assertGeneratable, reserveHeadlines } from './generation.js';
import { getJobStatus } from './jobs.js';
import { canAccessSite, type Principal } from './principal.js';

/**
 * Queues a failed or cancelled generation job again for the articles it has not made: the same job row
 * (so its history, counts and stream stay one thing), headlines reserved again for it, and chunks under new
 * BullMQ ids. Headlines the job still holds (a batch that was running when it stopped) count towards what
 * is left, so nothing is reserved twice. Headlines that failed a quality gate stay failed: they would fail
 * the same way again. Like a new job, it stays `pending` when Redis cannot take the chunks, and
 * process-queue moves it on.
 */
export async function retryJob(deps: FactoryDeps, principal: Principal, id: string) {
  const retry = await withTransaction(deps.db, async (client) => {
    const { rows } = await client.query<{
      site_id: string;
      campaign_id: string | null;
      type: string;
      status: string;
      error: string | null;
      left: number;
      held: number;
      retries: number;
    }>(
      `select site_id, campaign_id, type, status, error, (total - processed - failed)::int as left,
              (select count(*)::int from headline_inventory where claimed_by_job = j.id and status = 'claimed') as held,
              coalesce((params->>'retries')::int, 0) as retries
       from generation_jobs j where id = $1 for update`,
      [id],
    );
    const job = rows[0];
    if (!job || !canAccessSite(principal, job.site_id)) {
      throw new AppError('NOT_FOUND', `No generation job ${id} is visible to you`);
    }
    if (job.status !== 'failed' && job.status !== 'cancelled') {
      throw new AppError(
        'CONFLICT',
        `The job is ${job.status}; only failed or cancelled jobs can be retried`,
      );
    }
    if (job.type !== 'generate_articles' || job.campaign_id === null) {
      throw new AppError('CONFLICT', 'Only article generation jobs can be retried; start a new scan instead');
    }
    if (job.left <= 0) throw new AppError('CONFLICT', 'The job has no articles left to make');
    const campaign = await loadVisibleCampaign(client, principal, job.campaign_id, true);
    await assertGeneratable(client, campaign);
    if (job.left > job.held) await reserveHeadlines(client, campaign, id, job.left - job.held, deps.now());
    const attempt = job.retries + 1;
    await client.query(
      `update generation_jobs set status = 'pending', finished_at = null, error = null,
              params = params || jsonb_build_object('retries', $2::int), queue_job_id = $3
       where id = $1`,
      [id, attempt, `generate-${id}-retry${attempt}`],
    );
    await writeWorkLog(
      {
        action: 'generation.retry',
        entityType: 'generation_jobs',
        entityId: id,
        siteId: job.site_id,
        userId: principal.userId,
        details: {
          previous_status: job.status,
          previous_error: job.error,
          headlines_reserved: job.left,
          retry: attempt,
        },
      },
      client,
    );
    return { siteId: job.site_id, campaignId: campaign.id, left: job.left, attempt };
  });
  const enqueued = await deps.queues.enqueueGenerationChunks(
    generateArticlesChunks({
      id,
      siteId: retry.siteId,
      campaignId: retry.campaignId,
      total: retry.left,
      retry: retry.attempt,
    }),
  );
  if (enqueued) await markQueued(deps.db, id);
  return { data: { ...(await getJobStatus(deps, principal, id)), headlines_reserved: retry.left } };
}
