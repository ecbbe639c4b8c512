import { createPool } from '@spark/db';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { parseWorkerEnv } from './env.js';
import { trimWorkLog } from './processors/trim-work-log.js';
import { DEFAULT_JOB_OPTIONS, maintenanceJobs, QUEUES } from './queues.js';

/** env → connections → queues and workers → signals. Several workers may run against one Redis (scale-out). */
async function main() {
  const env = parseWorkerEnv(process.env);
  const pool = createPool(env.DATABASE_URL, { max: env.WORKER_CONCURRENCY + 2 });
  // BullMQ workers block on Redis; they need maxRetriesPerRequest null to wait through reconnects.
  const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });

  const maintenance = new Queue(QUEUES.maintenance, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  await maintenance.upsertJobScheduler(
    'daily-work-log-trim',
    { pattern: '17 3 * * *' },
    { name: maintenanceJobs.trimWorkLog.name, data: { retentionDays: env.WORK_LOG_RETENTION_DAYS } },
  );

  const worker = new Worker(
    QUEUES.maintenance,
    async (job) => {
      if (job.name === maintenanceJobs.trimWorkLog.name) {
        const payload = maintenanceJobs.trimWorkLog.payload.safeParse(job.data);
        if (!payload.success)
          throw new UnrecoverableError(`invalid ${job.name} payload: ${payload.error.message}`);
        return { deleted: await trimWorkLog(pool, payload.data.retentionDays) };
      }
      throw new UnrecoverableError(`unknown maintenance job "${job.name}"`);
    },
    { connection, concurrency: 1 },
  );
  worker.on('failed', (job, error) =>
    console.error(`job ${job?.name ?? '?'} (${job?.id ?? '?'}) failed: ${error.message}`),
  );
  console.log(`worker ready: queues ${Object.values(QUEUES).join(', ')}`);

  // SIGTERM drains: running jobs finish, no new ones start, then connections close.
  const shutdown = async (signal: string) => {
    console.log(`${signal}: draining`);
    await worker.close();
    await maintenance.close();
    await connection.quit();
    await pool.end();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
