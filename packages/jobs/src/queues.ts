import { ANALYTICS_QUEUE, GENERATION_QUEUE, LEAD_WEBHOOK_QUEUE, PUBLISHING_QUEUE } from '@spark/contracts';
import type { DefaultJobOptions } from 'bullmq';
import { z } from 'zod';

/**
 * Every queue in one place; producers and processors import them from here. The queue names keep their
 * historical `generation` / `publishing` spelling (the factory's queues): renaming them would strand jobs
 * already waiting in Redis.
 */
export const QUEUES = {
  maintenance: 'spark-maintenance',
  generation: GENERATION_QUEUE,
  publishing: PUBLISHING_QUEUE,
  leadWebhooks: LEAD_WEBHOOK_QUEUE,
  analytics: ANALYTICS_QUEUE,
} as const;

/**
 * The one job policy of the platform, for every producer and queue: 3 attempts, exponential backoff from
 * 1 s, keep 100 completed / 1000 failed. Lead webhooks override attempts and backoff per job (receivers
 * have outages of hours), nothing else does.
 */
export const JOB_OPTIONS: DefaultJobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: 100,
  removeOnFail: 1000,
};

/** How long a producer waits for Redis to take a job before it leaves the work to the outbox sweep. */
export const ENQUEUE_TIMEOUT_MS = 3000;

export const maintenanceJobs = {
  trimWorkLog: {
    name: 'trim-work-log',
    payload: z.object({ retentionDays: z.number().int().min(1).max(3650) }).strict(),
  },
} as const;

export type TrimWorkLogPayload = z.infer<typeof maintenanceJobs.trimWorkLog.payload>;
