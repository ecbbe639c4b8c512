import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { parseJobPayload, type RunningQueueWorker, startQueueWorker, unknownJob } from './queue-worker.js';

const redisUrl = process.env.REDIS_URL ?? '';
const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
const running: RunningQueueWorker[] = [];
afterAll(async () => {
  await Promise.all(running.map((worker) => worker.close()));
  await connection.quit();
});

const payload = z.object({ n: z.number().int() }).strict();

async function startDoubler(failures: { name: string; attempts: number; message: string }[]) {
  const name = `spark-test-${randomUUID()}`;
  const worker = await startQueueWorker(connection, {
    label: 'test',
    queue: name,
    concurrency: 1,
    schedules: [{ id: 'every-hour', repeat: { every: 3_600_000 }, job: { name: 'double', data: { n: 1 } } }],
    async process(job) {
      if (job.name !== 'double') return unknownJob('test', job);
      return { doubled: parseJobPayload(payload, job).n * 2 };
    },
    onFailed(job, error) {
      failures.push({ name: job?.name ?? '?', attempts: job?.attemptsMade ?? 0, message: error.message });
    },
  });
  running.push(worker);
  return { name, worker };
}

describe('startQueueWorker', { timeout: 30_000 }, () => {
  it('runs jobs, keeps its schedules and fails a bad payload for good without retrying it', async () => {
    const failures: { name: string; attempts: number; message: string }[] = [];
    const { name, worker } = await startDoubler(failures);
    const producer = new Queue(name, { connection });
    const events = new QueueEvents(name, { connection: connection.duplicate() });
    await events.waitUntilReady();
    try {
      const good = await producer.add('double', { n: 21 });
      expect(await good.waitUntilFinished(events, 10_000)).toEqual({ doubled: 42 });

      const bad = await producer.add('double', { n: 'x' }, { attempts: 3 });
      await expect(bad.waitUntilFinished(events, 10_000)).rejects.toThrow(/invalid double payload/);
      const unknown = await producer.add('triple', { n: 1 }, { attempts: 3 });
      await expect(unknown.waitUntilFinished(events, 10_000)).rejects.toThrow(/unknown test job "triple"/);

      // The worker's own `failed` event may arrive after the queue's.
      await vi.waitFor(() => expect(failures).toHaveLength(2), { timeout: 5_000 });
      expect(failures.map((failure) => [failure.name, failure.attempts])).toEqual([
        ['double', 1],
        ['triple', 1],
      ]);
      const schedulers = await worker.queue.getJobSchedulers();
      expect(schedulers.map((scheduler) => scheduler.key)).toContain('every-hour');
    } finally {
      await events.close();
      await producer.obliterate({ force: true }).catch(() => {});
      await producer.close();
    }
  });

  it('gives every queue the platform job options', async () => {
    const { worker } = await startDoubler([]);
    expect(worker.queue.defaultJobOptions).toMatchObject({
      attempts: 3,
      removeOnComplete: 100,
      removeOnFail: 1000,
    });
  });
});
