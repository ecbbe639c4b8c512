import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@spark/devstack/ports';
import { JOB_OPTIONS } from '@spark/jobs';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Restarting Redis keeps the queue intact: a Redis configured like the deployed one (append-only file, as in
 * docker-compose) is stopped and started again with waiting and delayed jobs in it; every job is still there and
 * a worker then completes each exactly once. A private Redis keeps the stack's own queues out of it.
 */
const dir = mkdtempSync(join(tmpdir(), 'spark-redis-restart-'));
let server: ChildProcess | undefined;

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
    ],
    { stdio: 'ignore' },
  );
  const client = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {}); // refused while the server is still starting: expected, retried below
  for (let attempt = 0; attempt < 100; attempt++) {
    const ready = await client
      .connect()
      .then(
        () => client.ping(),
        () => null,
      )
      .catch(() => null);
    if (ready === 'PONG') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  client.disconnect();
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM'); // Redis flushes the append-only file and exits
  await exited;
}

afterAll(async () => {
  if (server && server.exitCode === null) await stopRedis(server);
  rmSync(dir, { recursive: true, force: true });
});

describe('a Redis restart', () => {
  it('keeps waiting and delayed jobs, which then complete exactly once', async () => {
    const port = await freePort();
    server = await startRedis(port);
    const queueName = `restart-${Date.now()}`;
    const producer = new Redis({ port, maxRetriesPerRequest: null });
    const queue = new Queue(queueName, { connection: producer, defaultJobOptions: JOB_OPTIONS });
    await queue.addBulk(
      Array.from({ length: 50 }, (_, i) => ({ name: 'work', data: { i }, opts: { jobId: `job-${i}` } })),
    );
    await queue.add('later', { i: 50 }, { jobId: 'job-50', delay: 1500 });
    expect(await queue.getJobCounts('waiting', 'delayed')).toMatchObject({ waiting: 50, delayed: 1 });
    await queue.close();
    producer.disconnect();

    await stopRedis(server);
    server = await startRedis(port);

    const connection = new Redis({ port, maxRetriesPerRequest: null });
    const after = new Queue(queueName, { connection });
    expect(await after.getJobCounts('waiting', 'delayed')).toMatchObject({ waiting: 50, delayed: 1 });
    const seen: number[] = [];
    const worker = new Worker(
      queueName,
      async (job) => {
        seen.push((job.data as { i: number }).i);
      },
      { connection: new Redis({ port, maxRetriesPerRequest: null }), concurrency: 5 },
    );
    const deadline = Date.now() + 15_000;
    while (((await after.getJobCounts('completed')).completed ?? 0) < 51 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await worker.close();
    await after.close();
    connection.disconnect();
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 51 }, (_, i) => i));
  }, 30_000);
});
