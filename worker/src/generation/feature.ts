import { generationJobs, publishingJobs } from '@spark/contracts';
import { bumpSiteContent, failGenerationJob, parseJobPayload, QUEUES, unknownJob } from '@spark/jobs';
import type { Job } from 'bullmq';
import { startObservedWorker, type WorkerContext, type WorkerFeature } from '../feature.js';
import { jobLogger, log } from '../logging.js';
import { generateArticlesChunk } from './generate-articles.js';
import { insertLinks } from './insert-links.js';
import { processQueue } from './process-queue.js';
import { scanDuplicates } from './scan-duplicates.js';

// Short locks so a SIGKILLed worker's chunk is picked up again within seconds; batches never block the
// event loop anywhere near lockDuration / 2, when BullMQ renews the lock.
const WORKER_TIMINGS = { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 2 };

function generationProcessor({ pool, connection }: WorkerContext) {
  return async (job: Job) => {
    switch (job.name) {
      case generationJobs.generateArticles.name: {
        const payload = parseJobPayload(generationJobs.generateArticles.payload, job);
        return generateArticlesChunk(pool, payload, (progress) => job.updateProgress(progress));
      }
      case generationJobs.scanDuplicates.name: {
        const payload = parseJobPayload(generationJobs.scanDuplicates.payload, job);
        return scanDuplicates(pool, payload.generationJobId, payload.siteId);
      }
      case generationJobs.insertLinks.name: {
        const payload = parseJobPayload(generationJobs.insertLinks.payload, job);
        return insertLinks(pool, payload.generationJobId, payload.siteId, (siteId) =>
          bumpSiteContent(connection, [siteId], log(), pool),
        );
      }
      default:
        return unknownJob('generation', job);
    }
  };
}

/** The content factory: generation chunks, duplicate scans, linking, and the every-minute process-queue. */
export const factoryFeature: WorkerFeature = {
  name: 'factory',
  async start(context) {
    const { env, pool, connection } = context;
    const generation = await startObservedWorker(connection, {
      label: 'generation',
      queue: QUEUES.generation,
      process: generationProcessor(context),
      concurrency: env.WORKER_CONCURRENCY,
      options: WORKER_TIMINGS,
      onFailed(job, error) {
        // finishedOn is set only when BullMQ gives up (attempts used up or UnrecoverableError).
        const id = (job?.data as { generationJobId?: unknown } | undefined)?.generationJobId;
        if (job?.finishedOn && typeof id === 'string') {
          failGenerationJob(pool, id, `${job.name} failed: ${error.message}`).catch((failure: unknown) =>
            jobLogger(job).error(
              { err: failure, generationJobId: id },
              'could not mark generation job failed',
            ),
          );
        }
      },
    });
    const publishing = await startObservedWorker(connection, {
      label: 'publishing',
      queue: QUEUES.publishing,
      schedules: [
        {
          id: 'process-queue-every-minute',
          repeat: { every: 60_000 },
          job: { name: publishingJobs.processQueue.name, data: { siteIds: null } },
        },
      ],
      async process(job) {
        if (job.name !== publishingJobs.processQueue.name) return unknownJob('publishing', job);
        const payload = parseJobPayload(publishingJobs.processQueue.payload, job);
        return processQueue({ pool, redis: connection, generationQueue: generation.queue }, payload.siteIds);
      },
      concurrency: 1,
      options: WORKER_TIMINGS,
    });
    return {
      async close() {
        await Promise.all([generation.close(), publishing.close()]);
      },
    };
  },
};
