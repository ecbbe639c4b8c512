import {
  LEAD_WEBHOOK_JOB_OPTIONS,
  LEAD_WEBHOOK_QUEUE,
  leadWebhookJobId,
  leadWebhookJobs,
} from '@spark/contracts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { serverEnv } from '../env.js';

let queue: Queue | undefined;

function webhookQueue(): Queue {
  if (!queue) {
    const connection = new Redis(serverEnv().REDIS_URL, { maxRetriesPerRequest: 1 });
    connection.on('error', () => {});
    queue = new Queue(LEAD_WEBHOOK_QUEUE, { connection });
    queue.on('error', () => {});
  }
  return queue;
}

const ENQUEUE_TIMEOUT_MS = 2000;

/**
 * Enqueues the delivery of a committed submission. Never fails the visitor's request: if Redis is unreachable
 * the submission stays `pending` and the worker's sweeper enqueues it later (same deterministic job id).
 */
export async function enqueueLeadWebhook(submissionId: string): Promise<void> {
  const payload = leadWebhookJobs.deliver.payload.parse({ submissionId });
  const add = webhookQueue().add(leadWebhookJobs.deliver.name, payload, {
    ...LEAD_WEBHOOK_JOB_OPTIONS,
    jobId: leadWebhookJobId(submissionId),
  });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('timed out')), ENQUEUE_TIMEOUT_MS).unref(),
  );
  try {
    await Promise.race([add, timeout]);
  } catch (error) {
    console.warn(
      `lead webhook for submission ${submissionId} not enqueued (${(error as Error).message}); the sweeper will retry`,
    );
  }
}
