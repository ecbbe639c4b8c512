import { z } from 'zod';
import { jobRequestId } from '../request-id.js';

/**
 * The content factory's job contract, shared by producers (API routes, Directus hooks) and the worker.
 * Payloads carry ids only; the worker loads everything else from PostgreSQL when the job runs and
 * re-validates the payload on receipt. `requestId` (optional) names the HTTP request that enqueued the job, so
 * the worker's log lines for it can be found from the request's line.
 */
export const GENERATION_QUEUE = 'spark-generation';
/** Kept apart from generation so a minute's publishing never waits behind a 10,000-article job. */
export const PUBLISHING_QUEUE = 'spark-publishing';

/** Largest `count` one generate-article request may ask for. */
export const MAX_ARTICLES_PER_JOB = 10_000;
/**
 * A generation job is split into chunk jobs of at most this many articles, so several workers (and a
 * worker's concurrency slots) share one job, and a SIGTERM drain waits for one chunk at most.
 */
export const ARTICLES_PER_CHUNK = 500;

const uuid = z.string().uuid();

export const generationJobs = {
  /** Turns up to ARTICLES_PER_CHUNK of the job's claimed headlines into articles. */
  generateArticles: {
    name: 'generate-articles',
    payload: z
      .object({
        generationJobId: uuid,
        siteId: uuid,
        campaignId: uuid,
        /** 0-based chunk number, or -1 for a resume chunk enqueued by process-queue. */
        chunk: z.number().int().min(-1).max(MAX_ARTICLES_PER_JOB),
        ...jobRequestId,
      })
      .strict(),
  },
  scanDuplicates: {
    name: 'scan-duplicates',
    payload: z.object({ generationJobId: uuid, siteId: uuid, ...jobRequestId }).strict(),
  },
  insertLinks: {
    name: 'insert-links',
    payload: z.object({ generationJobId: uuid, siteId: uuid, ...jobRequestId }).strict(),
  },
} as const;

/**
 * The parameters an analysis job's `generation_jobs.params` row holds, with their defaults defined once: the
 * API's request schemas take these fields, the worker reads the stored row through them.
 */
export const scanDuplicatesParams = z.object({
  /** Estimated Jaccard similarity at which two articles are flagged. */
  threshold: z.number().min(0.5).max(1).default(0.8),
  campaign_id: uuid.nullable().default(null),
});
export const insertLinksParams = z.object({
  max_links: z.number().int().min(1).max(20).default(5),
  /** Also link to published articles of nearby cities (PostGIS ST_DWithin), within this radius. */
  nearby_km: z.number().positive().max(500).default(50),
});
export type ScanDuplicatesParams = z.infer<typeof scanDuplicatesParams>;
export type InsertLinksParams = z.infer<typeof insertLinksParams>;

export const publishingJobs = {
  /** Publishes due scheduled articles and advances pending or stalled generation jobs. */
  processQueue: {
    name: 'process-queue',
    payload: z
      .object({
        /** null = every site (the repeatable run); an API call passes the caller's sites. */
        siteIds: z.array(uuid).max(1000).nullable(),
        ...jobRequestId,
      })
      .strict(),
  },
} as const;

export type GenerateArticlesPayload = z.infer<typeof generationJobs.generateArticles.payload>;
export type GenerationJobPayload = z.infer<typeof generationJobs.scanDuplicates.payload>;
export type ProcessQueuePayload = z.infer<typeof publishingJobs.processQueue.payload>;
export type ProcessQueueResult = { published: number; enqueued: number; resumed: number };

/** BullMQ forbids ':' in custom ids; these are stable, so a retried enqueue finds the existing job. */
export const generateChunkJobId = (generationJobId: string, chunk: number, retry = 0) =>
  retry === 0 ? `generate-${generationJobId}-${chunk}` : `generate-${generationJobId}-retry${retry}-${chunk}`;
/** One resume chunk per job and window (e.g. the 5-minute slot it was decided in), never a pile of them. */
export const resumeChunkJobId = (generationJobId: string, window: number) =>
  `generate-${generationJobId}-resume-${window}`;
export const scanDuplicatesJobId = (generationJobId: string) => `scan-duplicates-${generationJobId}`;
export const insertLinksJobId = (generationJobId: string) => `insert-links-${generationJobId}`;
export const processQueueJobId = (requestId: string) => `process-queue-${requestId}`;

export const chunkCount = (total: number) => Math.max(1, Math.ceil(total / ARTICLES_PER_CHUNK));

/**
 * The chunk jobs of a generation job, ready for `queue.addBulk`; the same input gives the same job ids.
 * A retried job (`retry` ≥ 1) needs new ids: BullMQ keeps finished jobs under the old ones and would
 * treat adding them again as a duplicate, running nothing.
 */
export function generateArticlesChunks(job: {
  id: string;
  siteId: string;
  campaignId: string;
  total: number;
  retry?: number;
}): { name: string; data: GenerateArticlesPayload; opts: { jobId: string } }[] {
  return Array.from({ length: chunkCount(job.total) }, (_, chunk) => ({
    name: generationJobs.generateArticles.name,
    data: generationJobs.generateArticles.payload.parse({
      generationJobId: job.id,
      siteId: job.siteId,
      campaignId: job.campaignId,
      chunk,
    }),
    opts: { jobId: generateChunkJobId(job.id, chunk, job.retry ?? 0) },
  }));
}
