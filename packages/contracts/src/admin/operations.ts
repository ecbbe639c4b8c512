import { z } from 'zod';

/** Queue and service health of the operations page (administrators only). */

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

export const FailedQueueJobSchema = z.object({
  queue: z.string(),
  id: z.string(),
  name: z.string(),
  /** The last error the processor threw. */
  error: z.string(),
  attempts: z.number().int(),
  failed_at: z.string().nullable(),
});

export const QueueHealthSchema = z.object({
  data: z.object({
    queues: z.array(
      z.object({
        name: z.string(),
        waiting: z.number().int(),
        active: z.number().int(),
        delayed: z.number().int(),
        failed: z.number().int(),
        /** Worker connections listening on the queue right now. */
        workers: z.number().int(),
      }),
    ),
    /** The most recent failed jobs of every queue, newest first. */
    failed_jobs: z.array(FailedQueueJobSchema),
  }),
});

export const QueueJobParamsSchema = z
  .object({
    queue: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
    id: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[\w:.-]+$/),
  })
  .strict();

export const QueueJobRetriedSchema = z.object({ data: z.object({ queue: z.string(), id: z.string() }) });

const ServiceSchema = z.object({
  status: z.enum(['up', 'down']),
  latency_ms: z.number().int(),
  error: z.string().optional(),
});

export const ServiceHealthSchema = z.object({
  data: z.object({
    database: ServiceSchema,
    redis: ServiceSchema,
    directus: ServiceSchema,
    /** Up when at least one worker is connected to the queues (BullMQ's worker registry in Redis). */
    worker: ServiceSchema.extend({ workers: z.number().int() }),
    checked_at: z.string(),
  }),
});

export type QueueHealth = z.infer<typeof QueueHealthSchema>;
export type FailedQueueJob = z.infer<typeof FailedQueueJobSchema>;
export type ServiceHealth = z.infer<typeof ServiceHealthSchema>;
