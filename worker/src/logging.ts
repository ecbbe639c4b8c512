import { AsyncLocalStorage } from 'node:async_hooks';
import { counter, createLogger, histogram, type Logger } from '@spark/observability';
import type { Job, Worker } from 'bullmq';

/** The worker's process logger (JSON lines; LOG_LEVEL, LOG_FORMAT). Lines about one job come from jobLogger. */
export const processLogger: Logger = createLogger('worker');

const currentJobLogger = new AsyncLocalStorage<Logger>();

/** The logger for the current moment: inside a job's processor, the job's own (every line carries its ids). */
export function log(): Logger {
  return currentJobLogger.getStore() ?? processLogger;
}

/** Every line about a job names its queue and id, and the HTTP request that enqueued it when there was one. */
export function jobLogger(job: Pick<Job, 'queueName' | 'id' | 'name' | 'data'>): Logger {
  const requestId = (job.data as { requestId?: unknown } | undefined)?.requestId;
  return processLogger.child({
    queue: job.queueName,
    jobId: job.id,
    job: job.name,
    ...(typeof requestId === 'string' ? { requestId } : {}),
  });
}

/** Wraps a processor so that everything it logs through `log()` carries the job's ids. */
export function withJobLogger<T>(processor: (job: Job) => Promise<T>): (job: Job) => Promise<T> {
  return (job) => currentJobLogger.run(jobLogger(job), () => processor(job));
}

const jobsFinished = counter('spark_worker_jobs_total', 'Jobs this worker finished, by queue and outcome', [
  'queue',
  'outcome',
]);
const jobDuration = histogram(
  'spark_worker_job_duration_seconds',
  'Processing time of finished jobs, by queue',
  ['queue'],
  [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
);

/**
 * One line when a job starts and one when it ends (completed; failed and retried; failed for good), each with
 * the job's ids, plus the per-queue outcome counters and durations. BullMQ reports `finishedOn` on a failure
 * only when it gives up (attempts used up, or an UnrecoverableError).
 */
export function observeJobs(worker: Worker): void {
  worker.on('active', (job) => jobLogger(job).info({ attempt: job.attemptsMade + 1 }, 'job started'));
  worker.on('completed', (job) => {
    const seconds = job.finishedOn && job.processedOn ? (job.finishedOn - job.processedOn) / 1000 : 0;
    jobsFinished.inc({ queue: job.queueName, outcome: 'completed' });
    jobDuration.observe({ queue: job.queueName }, seconds);
    jobLogger(job).info({ durationMs: Math.round(seconds * 1000) }, 'job completed');
  });
  worker.on('failed', (job, error) => {
    if (!job) {
      processLogger.error({ err: error, queue: worker.name }, 'job failed');
      return;
    }
    const final = Boolean(job.finishedOn);
    jobsFinished.inc({ queue: job.queueName, outcome: final ? 'failed' : 'retried' });
    const fields = { err: error, attempt: job.attemptsMade, final };
    if (final) jobLogger(job).error(fields, 'job failed');
    else jobLogger(job).warn(fields, 'job failed; will retry');
  });
  worker.on('error', (error) => processLogger.error({ err: error, queue: worker.name }, 'worker error'));
}
