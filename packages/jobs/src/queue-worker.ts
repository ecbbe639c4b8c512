import {
  type Job,
  type JobsOptions,
  Queue,
  type RepeatOptions,
  UnrecoverableError,
  Worker,
  type WorkerOptions,
} from 'bullmq';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import { stderrJobsLog } from './log.js';
import { JOB_OPTIONS } from './queues.js';

/** A payload that fails its schema can never succeed: fail the job for good instead of retrying it. */
export function parseJobPayload<T>(schema: z.ZodType<T>, job: Job): T {
  const parsed = schema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid ${job.name} payload: ${parsed.error.message}`);
  return parsed.data;
}

export function unknownJob(feature: string, job: Job): never {
  throw new UnrecoverableError(`unknown ${feature} job "${job.name}"`);
}

export interface QueueWorkerSpec {
  /** Names the worker in failure logs. */
  label: string;
  queue: string;
  /** Gets the feature's own queue too, for processors that enqueue follow-up work. */
  process: (job: Job, queue: Queue) => Promise<unknown>;
  concurrency: number;
  /** Repeatable jobs the queue keeps (upserted, so every worker process may declare them). */
  schedules?: { id: string; repeat: Omit<RepeatOptions, 'key'>; job: { name: string; data: unknown } }[];
  /** One-off jobs added at start (for example a partition check a fresh deploy must not wait for). */
  atStart?: { name: string; data: unknown; opts: JobsOptions }[];
  /** Lock timings, a custom backoff strategy and the like. */
  options?: Omit<WorkerOptions, 'connection' | 'concurrency'>;
  /** Runs after the failure is logged, e.g. to record a job that failed for good. */
  onFailed?: (job: Job | undefined, error: Error) => void;
  /**
   * Attaches the app's job logging and metrics to the worker (and may wrap the processor, e.g. so that its
   * lines carry the job's ids). Without it, failures are written by the fallback log.
   */
  observe?: {
    worker(worker: Worker): void;
    processor<T>(process: (job: Job) => Promise<T>): (job: Job) => Promise<T>;
  };
}

export interface RunningQueueWorker {
  queue: Queue;
  worker: Worker;
  /** Drains: running jobs finish, no new ones start. */
  close(): Promise<void>;
}

/**
 * Wires one worker feature the same way everywhere: the queue with the platform's job options, its schedules,
 * the worker, failure logging and an orderly close.
 */
export async function startQueueWorker(
  connection: Redis,
  spec: QueueWorkerSpec,
): Promise<RunningQueueWorker> {
  const queue = new Queue(spec.queue, { connection, defaultJobOptions: JOB_OPTIONS });
  for (const schedule of spec.schedules ?? []) {
    await queue.upsertJobScheduler(schedule.id, schedule.repeat, schedule.job);
  }
  for (const job of spec.atStart ?? []) await queue.add(job.name, job.data, job.opts);
  const process = (job: Job) => spec.process(job, queue);
  const worker = new Worker(spec.queue, spec.observe ? spec.observe.processor(process) : process, {
    ...spec.options,
    connection,
    concurrency: spec.concurrency,
  });
  if (spec.observe) spec.observe.worker(worker);
  else {
    worker.on('failed', (job, error) =>
      stderrJobsLog.error(
        { err: error, queue: spec.queue, job: job?.name, jobId: job?.id },
        `${spec.label} job failed`,
      ),
    );
  }
  if (spec.onFailed) worker.on('failed', spec.onFailed);
  return {
    queue,
    worker,
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
