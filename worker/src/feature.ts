import type { Pool } from '@spark/db';
import type { Redis } from 'ioredis';
import type { WorkerEnv } from './env.js';

/** What every worker feature gets: shared connections, opened once per process by main.ts. */
export interface WorkerContext {
  env: WorkerEnv;
  pool: Pool;
  /** A connection with `maxRetriesPerRequest: null`, as BullMQ workers require. */
  connection: Redis;
}

/**
 * One background capability (maintenance, generation, ingestion, …). `start` opens its queues and workers;
 * the returned `close` drains them (running jobs finish) and is called on SIGTERM.
 */
export interface WorkerFeature {
  name: string;
  start(context: WorkerContext): Promise<{ close(): Promise<void> }>;
}
