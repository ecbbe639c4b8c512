import { ARTICLES_PER_CHUNK, type GenerateArticlesPayload } from '@spark/contracts';
import { type Pool, withTransaction } from '@spark/db';
import { loadGenerationJob, recordBatchProgress, TERMINAL_JOB_STATUSES } from '@spark/jobs';
import { UnrecoverableError } from 'bullmq';
import { assembleBatchInSlices, type FailedHeadline } from './assemble-batch.js';
import { claimHeadlines } from './claim-headlines.js';
import { contextForJob, forgetContext } from './context-cache.js';
import { rememberNearbyPlaces } from './nearby-places.js';
import type { ProductionContext } from './production-context.js';
import { writeArticles } from './write-articles.js';
import { addFragmentUsage, flagShortArticles, insertFingerprints, settleHeadlines } from './write-batch.js';

/** Articles per transaction: large enough to amortise round trips, small enough to hold locks briefly. */
export const BATCH_SIZE = 100;
/** Deadlocks and serialisation failures are transient: the batch rolled back, so it simply runs again. */
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);

export interface ChunkResult {
  claimed: number;
  processed: number;
  failed: number;
  pid: number;
  warnings: string[];
}

/** One transaction: claim → assemble → write articles, fingerprints, flags, usage → progress. */
async function runBatch(pool: Pool, context: ProductionContext, limit: number) {
  let batchSlugs: string[] = [];
  try {
    return await withTransaction(pool, async (client) => {
      const headlines = await claimHeadlines(client, context.jobId, limit);
      if (headlines.length === 0) return { claimed: 0, processed: 0, failed: 0, status: 'running' };
      await rememberNearbyPlaces(client, context, headlines);
      const { ready, failed } = await assembleBatchInSlices(context, headlines, new Date());
      batchSlugs = ready.map((item) => item.article.slug);
      const written = await writeArticles(client, context, ready);
      const fresh = written.filter((entry) => entry.isNew);
      await insertFingerprints(
        client,
        context.siteId,
        fresh.map((e) => ({ id: e.id, signature: e.item.signature, bandHashes: e.item.bandHashes })),
      );
      await flagShortArticles(
        client,
        context,
        fresh
          .filter((e) => e.item.article.flags.includes('short'))
          .map((e) => ({ id: e.id, wordCount: e.item.article.wordCount })),
      );
      await settleHeadlines(
        client,
        written.map((entry) => entry.item.headline.id),
        failed,
      );
      await addFragmentUsage(
        client,
        fresh.map((entry) => entry.item),
      );
      const status = await recordBatchProgress(client, context.jobId, {
        processed: written.length,
        failed: failed.length,
        failureNote: describeFailures(failed),
      });
      return { claimed: headlines.length, processed: written.length, failed: failed.length, status };
    });
  } catch (error) {
    for (const slug of batchSlugs) context.takenSlugs.delete(slug);
    throw error;
  }
}

function describeFailures(failed: FailedHeadline[]): string | null {
  if (failed.length === 0) return null;
  const first = failed[0] as FailedHeadline;
  return `${failed.length} headline(s) failed quality gates, e.g. "${first.headline.text}": ${first.reason}`;
}

async function runBatchWithRetry(pool: Pool, context: ProductionContext, limit: number) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runBatch(pool, context, limit);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 3 || !code || !RETRYABLE_SQLSTATES.has(code)) throw error;
    }
  }
}

/**
 * Processes up to ARTICLES_PER_CHUNK of the job's reserved headlines. Idempotent: a retry (after a crash
 * or SIGKILL) finds the committed batches' headlines `used` and continues with what is still `claimed`.
 */
export async function generateArticlesChunk(
  pool: Pool,
  payload: GenerateArticlesPayload,
  reportProgress: (progress: Omit<ChunkResult, 'warnings'>) => Promise<void>,
): Promise<ChunkResult> {
  const job = await loadGenerationJob(pool, payload.generationJobId);
  if (!job) throw new UnrecoverableError(`generation job ${payload.generationJobId} does not exist`);
  if (job.site_id !== payload.siteId || job.campaign_id !== payload.campaignId) {
    throw new UnrecoverableError(`payload does not match generation job ${job.id} (site or campaign differ)`);
  }
  const result: ChunkResult = { claimed: 0, processed: 0, failed: 0, pid: process.pid, warnings: [] };
  if (TERMINAL_JOB_STATUSES.has(job.status)) return result;
  const context = await contextForJob(pool, {
    id: job.id,
    siteId: job.site_id,
    campaignId: payload.campaignId,
  });
  if (context.slotTypes.length === 0)
    throw new UnrecoverableError('the campaign template lists no fragment types');
  result.warnings = context.warnings;
  while (result.claimed < ARTICLES_PER_CHUNK) {
    const batch = await runBatchWithRetry(
      pool,
      context,
      Math.min(BATCH_SIZE, ARTICLES_PER_CHUNK - result.claimed),
    );
    if (batch.claimed === 0) break;
    result.claimed += batch.claimed;
    result.processed += batch.processed;
    result.failed += batch.failed;
    await reportProgress({
      claimed: result.claimed,
      processed: result.processed,
      failed: result.failed,
      pid: process.pid,
    });
    // The job's status as this batch's own progress update left it: a cancelled (or finished) job stops here,
    // between batches, and the batch that just committed stays. A cancel that lands after that update returns
    // every headline no batch holds, so the next claim finds none (or, if it already claimed, its progress
    // update then reads `cancelled` and the loop stops after that one batch).
    if (TERMINAL_JOB_STATUSES.has(batch.status)) break;
  }
  if (result.claimed < ARTICLES_PER_CHUNK) forgetContext(job.id);
  return result;
}
