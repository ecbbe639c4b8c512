import { AppError } from '@spark/contracts';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUES } from './queues.js';

const FAILED_LISTED_PER_QUEUE = 20;

/**
 * Read and repair access to the platform's queues for operators: depths, connected workers, recent failures,
 * and moving a failed job back to waiting. Only the queues in QUEUES are reachable, so a request cannot name
 * an arbitrary Redis key.
 */
export interface QueueHealthReader {
  read(): Promise<{
    queues: {
      name: string;
      waiting: number;
      active: number;
      delayed: number;
      failed: number;
      workers: number;
    }[];
    failed_jobs: {
      queue: string;
      id: string;
      name: string;
      error: string;
      attempts: number;
      failed_at: string | null;
    }[];
  }>;
  retryFailed(queue: string, jobId: string): Promise<void>;
  close(): Promise<void>;
}

export function createQueueHealthReader(connection: Redis): QueueHealthReader {
  const queues = new Map<string, Queue>();
  const open = (name: string): Queue => {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection });
      queue.on('error', () => {});
      queues.set(name, queue);
    }
    return queue;
  };
  const known = new Set<string>(Object.values(QUEUES));

  return {
    async read() {
      const names = [...known].sort();
      const perQueue = await Promise.all(
        names.map(async (name) => {
          const queue = open(name);
          const [counts, workers, failed] = await Promise.all([
            queue.getJobCounts('waiting', 'active', 'delayed', 'failed'),
            queue.getWorkersCount(),
            queue.getFailed(0, FAILED_LISTED_PER_QUEUE - 1),
          ]);
          return {
            depth: {
              name,
              waiting: counts.waiting ?? 0,
              active: counts.active ?? 0,
              delayed: counts.delayed ?? 0,
              failed: counts.failed ?? 0,
              workers,
            },
            failed: failed.map((job) => ({
              queue: name,
              id: job.id ?? '',
              name: job.name,
              error: job.failedReason ?? '',
              attempts: job.attemptsMade,
              failed_at: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
            })),
          };
        }),
      );
      return {
        queues: perQueue.map((entry) => entry.depth),
        failed_jobs: perQueue
          .flatMap((entry) => entry.failed)
          .sort((a, b) => (b.failed_at ?? '').localeCompare(a.failed_at ?? '')),
      };
    },
    async retryFailed(queueName, jobId) {
      if (!known.has(queueName)) throw new AppError('NOT_FOUND', `No queue ${queueName}`);
      const job = await open(queueName).getJob(jobId);
      if (!job) throw new AppError('NOT_FOUND', `No job ${jobId} in ${queueName}`);
      const state = await job.getState();
      if (state !== 'failed')
        throw new AppError('CONFLICT', `Job ${jobId} is ${state}, not failed: only failed jobs are retried`);
      // Another operator (or BullMQ's own cleanup) may have moved it since: that is a conflict, not a crash.
      await job.retry('failed').catch((error: unknown) => {
        throw new AppError('CONFLICT', `Job ${jobId} could not be retried: ${String(error)}`);
      });
    },
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    },
  };
}
