import type { z } from 'zod';

/**
 * An analysis job's stored `generation_jobs.params`, read through its contract (`scanDuplicatesParams`,
 * `insertLinksParams` in `@spark/contracts`), so missing fields get the one set of defaults. A row that does
 * not fit (written by hand, or by an older producer) runs with the defaults rather than failing the job.
 */
export function storedParams<S extends z.AnyZodObject>(schema: S, params: unknown): z.infer<S> {
  const parsed = schema.safeParse(params ?? {});
  return parsed.success ? parsed.data : schema.parse({});
}
