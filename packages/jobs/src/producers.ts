import type { GenerateArticlesPayload, ProcessQueuePayload, ProcessQueueResult } from '@spark/contracts';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  type AnalysisJobKind,
  addAnalysisJob,
  addGenerationChunks,
  addLeadWebhook,
  addLeadWebhookRedelivery,
  addProcessQueue,
} from './enqueue.js';
import { type JobsLog, stderrJobsLog } from './log.js';
import { ENQUEUE_TIMEOUT_MS, JOB_OPTIONS, QUEUES } from './queues.js';

/**
 * What an application service may enqueue. Producers never fail the caller's committed work because Redis
 * is down: they report `false` (or log) and the row stays `pending` for the worker's outbox sweep, which
 * enqueues it under the same job id.
 */
export interface JobQueues {
  /** Adds a generation job's chunk jobs; false = Redis did not take them (the job row stays `pending`). */
  enqueueGenerationChunks(
    chunks: { name: string; data: GenerateArticlesPayload; opts: { jobId: string } }[],
  ): Promise<boolean>;
  /** Adds one analysis job (scan-duplicates, insert-links); false = left `pending`. */
  enqueueAnalysisJob(
    kind: AnalysisJobKind,
    data: { generationJobId: string; siteId: string },
  ): Promise<boolean>;
  /** Adds a lead's webhook delivery; a failure is logged (the submission stays `pending` for the sweeper). */
  enqueueLeadWebhook(submissionId: string): Promise<void>;
  /** Adds a redelivery a marketer asked for; false = Redis did not take it (the caller undoes its change). */
  enqueueLeadWebhookRedelivery(submissionId: string, attemptsSoFar: number): Promise<boolean>;
  /**
   * Runs process-queue in the worker and waits for its result, so the logic lives in one place (the
   * repeatable job runs the same processor). Null when the worker did not finish within `waitMs`.
   */
  runProcessQueue(
    requestId: string,
    payload: ProcessQueuePayload,
    waitMs?: number,
  ): Promise<ProcessQueueResult | null>;
  close(): Promise<void>;
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} timed out`)), ENQUEUE_TIMEOUT_MS).unref(),
    ),
  ]);
}

export interface JobQueuesOptions {
  /** Where a failed enqueue is reported; called at the moment of failure, so it may be a per-request logger. */
  log?: () => JobsLog;
  /** The caller's request id, stamped on every payload (optional in each job contract) so worker lines carry it. */
  requestId?: () => string | undefined;
}

/**
 * Producers on one connection. Give it a fail-fast connection (no offline queue, one retry per request):
 * a request must not wait for Redis to come back.
 */
export function createJobQueues(connection: Redis, options: JobQueuesOptions = {}): JobQueues {
  const log = options.log ?? (() => stderrJobsLog);
  const stamp = <T extends object>(data: T): T => {
    const requestId = options.requestId?.();
    return requestId ? { ...data, requestId } : data;
  };
  const queues = new Map<string, Queue>();
  const queue = (name: string): Queue => {
    let existing = queues.get(name);
    if (!existing) {
      existing = new Queue(name, { connection, defaultJobOptions: JOB_OPTIONS });
      // The connection's own errors are logged by whoever made it; the queue re-emits them.
      existing.on('error', () => {});
      queues.set(name, existing);
    }
    return existing;
  };

  return {
    async enqueueGenerationChunks(chunks) {
      try {
        const stamped = chunks.map((chunk) => ({ ...chunk, data: stamp(chunk.data) }));
        await withTimeout(addGenerationChunks(queue(QUEUES.generation), stamped), 'enqueue');
        return true;
      } catch (error) {
        log().warn({ err: error }, 'generation enqueue failed, left pending');
        return false;
      }
    },
    async enqueueAnalysisJob(kind, data) {
      try {
        await withTimeout(addAnalysisJob(queue(QUEUES.generation), kind, stamp(data)), 'enqueue');
        return true;
      } catch (error) {
        log().warn({ err: error, job: kind }, 'enqueue failed, left pending');
        return false;
      }
    },
    async enqueueLeadWebhook(submissionId) {
      try {
        await withTimeout(
          addLeadWebhook(queue(QUEUES.leadWebhooks), submissionId, options.requestId?.()),
          'enqueue',
        );
      } catch (error) {
        log().warn({ err: error, submissionId }, 'lead webhook not enqueued; the sweeper will retry');
      }
    },
    async enqueueLeadWebhookRedelivery(submissionId, attemptsSoFar) {
      try {
        await withTimeout(
          addLeadWebhookRedelivery(
            queue(QUEUES.leadWebhooks),
            submissionId,
            attemptsSoFar,
            options.requestId?.(),
          ),
          'enqueue',
        );
        return true;
      } catch (error) {
        log().warn({ err: error, submissionId }, 'lead webhook redelivery not enqueued');
        return false;
      }
    },
    async runProcessQueue(requestId, payload, waitMs = 15_000) {
      const publishing = queue(QUEUES.publishing);
      const job = await withTimeout(addProcessQueue(publishing, requestId, stamp(payload)), 'enqueue');
      const deadline = Date.now() + waitMs;
      while (Date.now() < deadline) {
        const state = await publishing.getJobState(job.id ?? '');
        if (state === 'completed') {
          const done = await publishing.getJob(job.id ?? '');
          return (done?.returnvalue as ProcessQueueResult | undefined) ?? null;
        }
        if (state === 'failed') throw new Error('process-queue failed in the worker; see the worker log');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return null;
    },
    async close() {
      await Promise.all([...queues.values()].map((open) => open.close()));
    },
  };
}
