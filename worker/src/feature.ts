import type { Pool } from '@spark/db';
import { type QueueWorkerSpec, startQueueWorker } from '@spark/jobs';
import type { Redis } from 'ioredis';
import type { WorkerEnv } from './env.js';
import { observeJobs, withJobLogger } from './logging.js';
import { BULLMQ_WORKER_METRICS } from './metrics.js';

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

/**
 * `startQueueWorker` as every worker of this process runs it: job lines carry the job's ids (and the request
 * that enqueued it), start/end/failure lines and outcome metrics, and BullMQ's own completed/failed series.
 */
export function startObservedWorker(connection: Redis, spec: QueueWorkerSpec) {
  return startQueueWorker(connection, {
    ...spec,
    options: { ...spec.options, ...BULLMQ_WORKER_METRICS },
    observe: { worker: observeJobs, processor: withJobLogger },
  });
}

/** A feature that is one queue and its worker (most are): wired by `startObservedWorker`, logged under its name. */
export function queueFeature(
  name: string,
  spec: (context: WorkerContext) => Omit<QueueWorkerSpec, 'label'>,
): WorkerFeature {
  return {
    name,
    start: (context) => startObservedWorker(context.connection, { label: name, ...spec(context) }),
  };
}
