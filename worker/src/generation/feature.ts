import {
  FACTORY_JOB_OPTIONS,
  GENERATION_QUEUE,
  generationJobs,
  PUBLISHING_QUEUE,
  publishingJobs,
} from '@spark/contracts';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { z } from 'zod';
import type { WorkerContext, WorkerFeature } from '../feature.js';
import { jobLogger, observeJobs, withJobLogger } from '../logging.js';
import { BULLMQ_WORKER_METRICS } from '../metrics.js';
import { generateArticlesChunk } from './generate-articles.js';
import { insertLinks } from './insert-links.js';
import { failGenerationJob } from './job-state.js';
import { processQueue } from './process-queue.js';
import { scanDuplicates } from './scan-duplicates.js';
import { bumpSiteContent } from './site-content.js';

// Short locks so a SIGKILLed worker's chunk is picked up again within seconds; batches never block the
// event loop anywhere near lockDuration / 2, when BullMQ renews the lock.
const WORKER_TIMINGS = { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 2 };

function parsePayload<T>(schema: z.ZodType<T>, job: Job): T {
  const parsed = schema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid ${job.name} payload: ${parsed.error.message}`);
  return parsed.data;
}

function generationProcessor({ pool, connection }: WorkerContext) {
  return withJobLogger(async (job: Job) => {
    switch (job.name) {
      case generationJobs.generateArticles.name: {
        const payload = parsePayload(generationJobs.generateArticles.payload, job);
        return generateArticlesChunk(pool, payload, (progress) => job.updateProgress(progress));
      }
      case generationJobs.scanDuplicates.name: {
        const payload = parsePayload(generationJobs.scanDuplicates.payload, job);
        return scanDuplicates(pool, payload.generationJobId, payload.siteId);
      }
      case generationJobs.insertLinks.name: {
        const payload = parsePayload(generationJobs.insertLinks.payload, job);
        return insertLinks(pool, payload.generationJobId, payload.siteId, (siteId) =>
          bumpSiteContent(connection, [siteId]),
        );
      }
      default:
        throw new UnrecoverableError(`unknown generation job "${job.name}"`);
    }
  });
}

/** Content factory: generation chunks, duplicate scans, linking, and the every-minute process-queue. */
export const generationFeature: WorkerFeature = {
  name: 'generation',
  async start(context) {
    const { env, pool, connection } = context;
    const queueOptions = { connection, defaultJobOptions: FACTORY_JOB_OPTIONS };
    const generationQueue = new Queue(GENERATION_QUEUE, queueOptions);
    const publishingQueue = new Queue(PUBLISHING_QUEUE, queueOptions);
    await publishingQueue.upsertJobScheduler(
      'process-queue-every-minute',
      { every: 60_000 },
      { name: publishingJobs.processQueue.name, data: { siteIds: null } },
    );
    const generationWorker = new Worker(GENERATION_QUEUE, generationProcessor(context), {
      connection,
      concurrency: env.WORKER_CONCURRENCY,
      ...WORKER_TIMINGS,
      ...BULLMQ_WORKER_METRICS,
    });
    const publishingWorker = new Worker(
      PUBLISHING_QUEUE,
      withJobLogger(async (job) => {
        if (job.name !== publishingJobs.processQueue.name) {
          throw new UnrecoverableError(`unknown publishing job "${job.name}"`);
        }
        const payload = parsePayload(publishingJobs.processQueue.payload, job);
        return processQueue({ pool, redis: connection, generationQueue }, payload.siteIds);
      }),
      { connection, concurrency: 1, ...WORKER_TIMINGS, ...BULLMQ_WORKER_METRICS },
    );
    observeJobs(generationWorker);
    observeJobs(publishingWorker);
    generationWorker.on('failed', (job, error) => {
      // finishedOn is set only when BullMQ gives up (attempts used up or UnrecoverableError).
      const id = (job?.data as { generationJobId?: unknown } | undefined)?.generationJobId;
      if (job?.finishedOn && typeof id === 'string') {
        failGenerationJob(pool, id, `${job.name} failed: ${error.message}`).catch((failure: unknown) =>
          jobLogger(job).error({ err: failure, generationJobId: id }, 'could not mark generation job failed'),
        );
      }
    });
    return {
      async close() {
        await Promise.all([generationWorker.close(), publishingWorker.close()]);
        await Promise.all([generationQueue.close(), publishingQueue.close()]);
      },
    };
  },
};
