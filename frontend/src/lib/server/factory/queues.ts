import {
  FACTORY_JOB_OPTIONS,
  GENERATION_QUEUE,
  type GenerateArticlesPayload,
  generationJobs,
  type ProcessQueuePayload,
  type ProcessQueueResult,
  PUBLISHING_QUEUE,
  processQueueJobId,
  publishingJobs,
} from '@spark/contracts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { serverEnv } from '../env.js';
import { log } from '../observability/logger.js';
import { logRedisErrors } from '../observability/redis-errors.js';
import { withRequestId } from '../observability/request-context.js';

/**
 * Producers for the factory's queues. Payloads are validated again here (and once more by the worker on
 * receipt); only ids travel through Redis.
 */
let connection: Redis | undefined;
const queues = new Map<string, Queue>();

function queue(name: string): Queue {
  let existing = queues.get(name);
  if (!existing) {
    // Fail fast when Redis is down instead of buffering commands: the caller reports or retries.
    if (!connection) {
      connection = new Redis(serverEnv().REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
      logRedisErrors(connection, 'queues');
    }
    existing = new Queue(name, { connection, defaultJobOptions: FACTORY_JOB_OPTIONS });
    queues.set(name, existing);
  }
  return existing;
}

const ENQUEUE_TIMEOUT_MS = 3000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} timed out`)), ENQUEUE_TIMEOUT_MS).unref(),
    ),
  ]);
}

/**
 * Adds a generation job's chunks (deterministic ids, so adding twice is harmless). Returns false when
 * Redis cannot take them; the job row stays `pending` and process-queue enqueues it later.
 */
export async function enqueueGenerationChunks(
  chunks: { name: string; data: GenerateArticlesPayload; opts: { jobId: string } }[],
): Promise<boolean> {
  const jobs = chunks.map((chunk) => ({
    ...chunk,
    data: generationJobs.generateArticles.payload.parse(withRequestId(chunk.data)),
  }));
  try {
    await withTimeout(queue(GENERATION_QUEUE).addBulk(jobs), 'enqueue');
    return true;
  } catch (error) {
    log().warn({ err: error }, 'generation enqueue failed, left pending');
    return false;
  }
}

/** Enqueues one analysis job (scan-duplicates, insert-links) under its deterministic id. */
export async function enqueueGenerationJob(
  name: string,
  data: { generationJobId: string; siteId: string },
  jobId: string,
): Promise<boolean> {
  try {
    await withTimeout(queue(GENERATION_QUEUE).add(name, withRequestId(data), { jobId }), 'enqueue');
    return true;
  } catch (error) {
    log().warn({ err: error, job: name }, 'enqueue failed, left pending');
    return false;
  }
}

const RESULT_WAIT_MS = 15_000;

/**
 * Runs process-queue in the worker and waits for its result, so the logic lives in one place (the
 * repeatable job runs the same processor). Returns null when the worker did not finish within 15 s.
 */
export async function runProcessQueue(
  requestId: string,
  payload: ProcessQueuePayload,
): Promise<ProcessQueueResult | null> {
  const publishing = queue(PUBLISHING_QUEUE);
  const job = await withTimeout(
    publishing.add(
      publishingJobs.processQueue.name,
      publishingJobs.processQueue.payload.parse(withRequestId(payload)),
      {
        jobId: processQueueJobId(requestId),
      },
    ),
    'enqueue',
  );
  const deadline = Date.now() + RESULT_WAIT_MS;
  while (Date.now() < deadline) {
    const state = await publishing.getJobState(job.id ?? '');
    if (state === 'completed') {
      const done = await publishing.getJob(job.id ?? '');
      return (done?.returnvalue as ProcessQueueResult | undefined) ?? null;
    }
    if (state === 'failed') throw new Error('process-queue failed in the worker; see the worker log');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}
