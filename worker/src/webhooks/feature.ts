import { LEAD_WEBHOOK_BACKOFF, leadWebhookJobs } from '@spark/contracts';
import { parseJobPayload, QUEUES, unknownJob } from '@spark/jobs';
import { queueFeature, type WorkerFeature } from '../feature.js';
import { recordWebhookOutcome } from '../metrics.js';
import { deliverLeadWebhook } from './deliver.js';
import { webhookRetryDelayMs } from './retry-schedule.js';
import { sweepPendingWebhooks } from './sweep-pending.js';

/** Lead webhooks: signed deliveries with retries, plus a sweeper for enqueues lost to a Redis outage. */
export const webhooksFeature: WorkerFeature = queueFeature('webhooks', ({ pool, env }) => ({
  queue: QUEUES.leadWebhooks,
  schedules: [
    {
      id: 'sweep-pending-webhooks',
      repeat: { every: 60_000 },
      job: { name: leadWebhookJobs.sweepPending.name, data: { olderThanSeconds: 120 } },
    },
  ],
  async process(job, queue) {
    if (job.name === leadWebhookJobs.deliver.name) {
      const delivery = await deliverLeadWebhook(pool, job);
      recordWebhookOutcome({ returnvalue: delivery, finishedOn: job.finishedOn }, false);
      return delivery;
    }
    if (job.name === leadWebhookJobs.sweepPending.name) {
      const payload = parseJobPayload(leadWebhookJobs.sweepPending.payload, job);
      return { requeued: await sweepPendingWebhooks(pool, queue, payload.olderThanSeconds) };
    }
    return unknownJob('webhook', job);
  },
  onFailed(job) {
    if (job?.name === leadWebhookJobs.deliver.name) recordWebhookOutcome(job, true);
  },
  concurrency: 8,
  options: {
    settings: {
      backoffStrategy: (attemptsMade: number, type?: string) => {
        if (type !== LEAD_WEBHOOK_BACKOFF) throw new Error(`unknown backoff "${type ?? ''}"`);
        return webhookRetryDelayMs(attemptsMade, env.WEBHOOK_RETRY_BASE_MS);
      },
    },
  },
}));
