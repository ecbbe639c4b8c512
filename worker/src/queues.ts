import { ANALYTICS_QUEUE, GENERATION_QUEUE, LEAD_WEBHOOK_QUEUE, PUBLISHING_QUEUE } from '@spark/contracts';
import type { DefaultJobOptions } from 'bullmq';
import { z } from 'zod';

/** Every queue and job name in one place; producers and processors import them from here. */
export const QUEUES = {
  maintenance: 'spark-maintenance',
  generation: GENERATION_QUEUE,
  publishing: PUBLISHING_QUEUE,
  leadWebhooks: LEAD_WEBHOOK_QUEUE,
  analytics: ANALYTICS_QUEUE,
} as const;

/** The defaults every producer uses: 3 attempts, exponential backoff from 1 s, keep 100 completed / 1000 failed. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: 100,
  removeOnFail: 1000,
};

export const maintenanceJobs = {
  trimWorkLog: {
    name: 'trim-work-log',
    payload: z.object({ retentionDays: z.number().int().min(1).max(3650) }).strict(),
  },
} as const;

export type TrimWorkLogPayload = z.infer<typeof maintenanceJobs.trimWorkLog.payload>;
