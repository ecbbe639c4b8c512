import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const workerEnvSchema = z.object({
  DATABASE_URL: z.string().url(),
  REDIS_URL: z.string().url(),
  // Generation chunks in flight per process: each alternates engine CPU and PostgreSQL round trips, and four keep
  // both busy (measured with `npm run bench generation`: 2 → 4 took one worker from ~1,900 to ~2,150 articles/s).
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** How long work_log entries are kept; older ones are trimmed daily. */
  WORK_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  PG_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
  /**
   * Measured with `npm run bench generation` (10,000 articles, two workers, PostgreSQL logging statements over
   * 300 ms): the longest were a fingerprint batch insert (1.2 s) and reading a campaign's articles for the
   * duplicate scan (0.9 s); chunk statements do not grow with the campaign, the campaign-wide reads grow linearly
   * with it. 120 s leaves room for campaigns about a hundred times that size, where the frontend's requests get 30 s.
   */
  WORKER_PG_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(120_000),
  /** First delay between lead webhook attempts; each later one doubles (see LEAD_WEBHOOK_JOB_OPTIONS). */
  /** Touched every few seconds while the worker is alive (liveness/heartbeat.ts); the container healthcheck reads it. */
  WORKER_HEARTBEAT_FILE: z.string().min(1).default(join(tmpdir(), 'spark-worker.heartbeat')),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(330_000),
  /**
   * The frontend's internal address: the worker asks it for newly published and invalidated article pages so
   * they are rendered into the render store before their first visitor. Unset: no rendering ahead (pages are
   * rendered and stored on their first visit).
   */
  FRONTEND_INTERNAL_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().url().optional(),
  ),
  /**
   * How visitors reach a site, `*` standing for its domain: pages rendered ahead are rendered (and
   * stored) under this origin, which their canonical URLs carry.
   */
  PRERENDER_ORIGIN: z
    .string()
    .regex(/^https?:\/\/\*(?::\d{1,5})?$/, 'http(s)://* with an optional port')
    .default('http://*'),
  /** Pages rendered ahead at a time: the frontend renders on one core and must keep room for visitors. */
  PRERENDER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export function parseWorkerEnv(source: NodeJS.ProcessEnv): WorkerEnv {
  const parsed = workerEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid worker environment — ${problems}`);
  }
  return parsed.data;
}
