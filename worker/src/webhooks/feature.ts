import { LEAD_WEBHOOK_BACKOFF, leadWebhookJobs } from '@spark/contracts';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { WorkerFeature } from '../feature.js';
import { observeJobs, withJobLogger } from '../logging.js';
import { BULLMQ_WORKER_METRICS, recordWebhookOutcome } from '../metrics.js';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '../queues.js';
import { deliverLeadWebhook } from './deliver.js';
import { webhookRetryDelayMs } from './retry-schedule.js';
import { sweepPendingWebhooks } from './sweep-pending.js';

/** Lead webhooks: signed deliveries with retries, plus a sweeper for enqueues lost to a Redis outage. */
export const webhooksFeature: WorkerFeature = {
  name: 'webhooks',
  async start({ pool, connection, env }) {
    const queue = new Queue(QUEUES.leadWebhooks, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    await queue.upsertJobScheduler(
      'sweep-pending-webhooks',
      { every: 60_000 },
      { name: leadWebhookJobs.sweepPending.name, data: { olderThanSeconds: 120 } },
    );
    const worker = new Worker(
      QUEUES.leadWebhooks,
      withJobLogger(async (job) => {
        if (job.name === leadWebhookJobs.deliver.name) return deliverLeadWebhook(pool, job);
        if (job.name === leadWebhookJobs.sweepPending.name) {
          const payload = leadWebhookJobs.sweepPending.payload.safeParse(job.data);
          if (!payload.success)
            throw new UnrecoverableError(`invalid ${job.name} payload: ${payload.error.message}`);
          return { requeued: await sweepPendingWebhooks(pool, queue, payload.data.olderThanSeconds) };
        }
        throw new UnrecoverableError(`unknown webhook job "${job.name}"`);
      }),
      {
        connection,
        concurrency: 8,
        ...BULLMQ_WORKER_METRICS,
        settings: {
          backoffStrategy: (attemptsMade: number, type?: string) => {
            if (type !== LEAD_WEBHOOK_BACKOFF) throw new Error(`unknown backoff "${type ?? ''}"`);
            return webhookRetryDelayMs(attemptsMade, env.WEBHOOK_RETRY_BASE_MS);
          },
        },
      },
    );
    observeJobs(worker);
    worker.on('completed', (job) => {
      if (job.name === leadWebhookJobs.deliver.name) recordWebhookOutcome(job, false);
    });
    worker.on('failed', (job) => {
      if (job?.name === leadWebhookJobs.deliver.name) recordWebhookOutcome(job, true);
    });
    return {
      async close() {
        await worker.close();
        await queue.close();
      },
    };
  },
};
