import {
  LEAD_WEBHOOK_JOB_OPTIONS,
  LEAD_WEBHOOK_QUEUE,
  leadWebhookJobId,
  leadWebhookJobs,
} from '@spark/contracts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { serverEnv } from '../env.js';
import { log } from '../observability/logger.js';
import { logRedisErrors } from '../observability/redis-errors.js';
import { withRequestId } from '../observability/request-context.js';

let queue: Queue | undefined;

function webhookQueue(): Queue {
  if (!queue) {
    const connection = new Redis(serverEnv().REDIS_URL, { maxRetriesPerRequest: 1 });
    logRedisErrors(connection, 'lead-webhooks');
    queue = new Queue(LEAD_WEBHOOK_QUEUE, { connection });
    // The connection's errors are logged above; the queue re-emits them.
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
  const payload = leadWebhookJobs.deliver.payload.parse(withRequestId({ submissionId }));
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
    log().warn({ err: error, submissionId }, 'lead webhook not enqueued; the sweeper will retry');
  }
}
