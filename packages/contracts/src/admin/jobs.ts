import { z } from 'zod';

/** Generation and analysis jobs as `/api/seo/jobs*` answers them. */

export const JOB_STATUSES = ['pending', 'queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export const FINISHED_JOB_STATUSES: readonly string[] = ['completed', 'failed', 'cancelled'];

export const JobSchema = z.object({
  id: z.string().uuid(),
  site_id: z.string().uuid(),
  campaign_id: z.string().uuid().nullable(),
  type: z.string(),
  status: z.enum(JOB_STATUSES),
  params: z.record(z.string(), z.unknown()),
  total: z.number().int(),
  processed: z.number().int(),
  failed: z.number().int(),
  progress: z.number(),
  error: z.string().nullable(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  date_created: z.string(),
  date_updated: z.string().nullable(),
});

export const JobListQuerySchema = z
  .object({
    site_id: z.string().uuid().optional(),
    campaign_id: z.string().uuid().optional(),
    /** Only jobs of this kind (e.g. the duplicate scans of the quality page). */
    type: z
      .enum([
        'generate_headlines',
        'generate_articles',
        'scan_duplicates',
        'insert_links',
        'publish_articles',
      ])
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const JobListSchema = z.object({
  data: z.array(JobSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const JobStartedSchema = z.object({
  job_id: z.string().uuid(),
  status: z.string(),
  total: z.number().int(),
  chunks: z.number().int(),
});

/** An analysis job (duplicate scan, internal linking) was created; `queued` once it is on the queue. */
export const AnalysisJobStartedSchema = z.object({
  job_id: z.string().uuid(),
  /** `pending` or `queued`. */
  status: z.string(),
});

/** `POST /api/seo/process-queue`: 200 with the run's counts, or 202 when it did not finish within the wait. */
export const ProcessQueueRunSchema = z.object({
  published: z.number().int(),
  enqueued: z.number().int(),
  resumed: z.number().int(),
  request_id: z.string().uuid(),
});
/** The run is still going; `status` is `queued`. */
export const ProcessQueueQueuedSchema = z.object({
  status: z.string(),
  request_id: z.string().uuid(),
});

/** `POST /api/seo/jobs/:id/cancel`. */
export const JobCancelledSchema = z.object({
  data: JobSchema.extend({ headlines_returned: z.number().int() }),
});

/** `POST /api/seo/jobs/:id/retry`: the same job, queued again for the headlines it had left. */
export const JobRetriedSchema = z.object({
  data: JobSchema.extend({ headlines_reserved: z.number().int() }),
});

export type Job = z.infer<typeof JobSchema>;
export type JobList = z.infer<typeof JobListSchema>;
export type JobListQuery = z.infer<typeof JobListQuerySchema>;
