import type { Pool } from '@spark/db';
import { UnrecoverableError } from 'bullmq';
import type { z } from 'zod';
import {
  type GenerationJobRow,
  loadGenerationJob,
  markJobRunning,
  TERMINAL_JOB_STATUSES,
} from './job-state.js';

/**
 * An analysis job's stored `generation_jobs.params`, read through its contract (`scanDuplicatesParams`,
 * `insertLinksParams` in `@spark/contracts`), so missing fields get the one set of defaults. A row that does
 * not fit (written by hand, or by an older producer) runs with the defaults rather than failing the job.
 */
export function storedParams<S extends z.AnyZodObject>(schema: S, params: unknown): z.infer<S> {
  const parsed = schema.safeParse(params ?? {});
  return parsed.success ? parsed.data : schema.parse({});
}

/**
 * The common opening of an analysis job (scan, linking): the row must exist for the payload's site (else the
 * job fails for good); a finished one is left alone (null: a retried delivery after the job ended); otherwise
 * it is marked running and returned with its parameters.
 */
export async function startAnalysisJob<S extends z.AnyZodObject>(
  pool: Pool,
  payload: { generationJobId: string; siteId: string },
  schema: S,
  label: string,
): Promise<{ job: GenerationJobRow; params: z.infer<S> } | null> {
  const job = await loadGenerationJob(pool, payload.generationJobId);
  if (!job || job.site_id !== payload.siteId) {
    throw new UnrecoverableError(`${label} job ${payload.generationJobId} does not exist`);
  }
  if (TERMINAL_JOB_STATUSES.has(job.status)) return null;
  await markJobRunning(pool, job.id);
  return { job, params: storedParams(schema, job.params) };
}
