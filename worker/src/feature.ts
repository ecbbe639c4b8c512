import type { Pool } from '@spark/db';
import { type QueueWorkerSpec, startQueueWorker } from '@spark/jobs';
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

/** A feature that is one queue and its worker (most are): wired by `startQueueWorker`, logged under its name. */
export function queueFeature(
  name: string,
  spec: (context: WorkerContext) => Omit<QueueWorkerSpec, 'label'>,
): WorkerFeature {
  return {
    name,
    start: (context) => startQueueWorker(context.connection, { label: name, ...spec(context) }),
  };
}
