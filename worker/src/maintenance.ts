import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { WorkerFeature } from './feature.js';
import { observeJobs } from './logging.js';
import { BULLMQ_WORKER_METRICS } from './metrics.js';
import { trimWorkLog } from './processors/trim-work-log.js';
import { DEFAULT_JOB_OPTIONS, maintenanceJobs, QUEUES } from './queues.js';

/** Housekeeping: the daily work_log trim. */
export const maintenanceFeature: WorkerFeature = {
  name: 'maintenance',
  async start({ env, pool, connection }) {
    const queue = new Queue(QUEUES.maintenance, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    await queue.upsertJobScheduler(
      'daily-work-log-trim',
      { pattern: '17 3 * * *' },
      { name: maintenanceJobs.trimWorkLog.name, data: { retentionDays: env.WORK_LOG_RETENTION_DAYS } },
    );
    const worker = new Worker(
      QUEUES.maintenance,
      async (job) => {
        if (job.name !== maintenanceJobs.trimWorkLog.name) {
          throw new UnrecoverableError(`unknown maintenance job "${job.name}"`);
        }
        const payload = maintenanceJobs.trimWorkLog.payload.safeParse(job.data);
        if (!payload.success)
          throw new UnrecoverableError(`invalid ${job.name} payload: ${payload.error.message}`);
        return { deleted: await trimWorkLog(pool, payload.data.retentionDays) };
      },
      { connection, concurrency: 1, ...BULLMQ_WORKER_METRICS },
    );
    observeJobs(worker);
    return {
      async close() {
        await worker.close();
        await queue.close();
      },
    };
  },
};
