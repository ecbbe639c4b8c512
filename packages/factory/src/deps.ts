import type { Pool } from '@spark/db';
import type { JobQueues } from '@spark/jobs';
import type { Redis } from 'ioredis';

/**
 * Everything a factory use case touches, handed in by the app's composition root: no env, no framework, no
 * module singletons, so the frontend, the worker and the Directus bundle can all run the same services.
 */
export interface FactoryDeps {
  db: Pool;
  queues: JobQueues;
  /** Where content versions are bumped and announced after SQL publishes (see bumpSiteContent). */
  cache: Redis;
  /** The clock: publishing times and headline spaces are computed from it. */
  now: () => Date;
}
