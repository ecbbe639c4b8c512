import { maintenanceJobs, parseJobPayload, QUEUES, unknownJob } from '@spark/jobs';
import { queueFeature, type WorkerFeature } from './feature.js';
import { trimWorkLog } from './processors/trim-work-log.js';

/** Housekeeping: the daily work_log trim. */
export const maintenanceFeature: WorkerFeature = queueFeature('maintenance', ({ env, pool }) => ({
  queue: QUEUES.maintenance,
  schedules: [
    {
      id: 'daily-work-log-trim',
      repeat: { pattern: '17 3 * * *' },
      job: {
        name: maintenanceJobs.trimWorkLog.name,
        data: { retentionDays: env.WORK_LOG_RETENTION_DAYS },
      },
    },
  ],
  async process(job) {
    if (job.name !== maintenanceJobs.trimWorkLog.name) return unknownJob('maintenance', job);
    const payload = parseJobPayload(maintenanceJobs.trimWorkLog.payload, job);
    return { deleted: await trimWorkLog(pool, payload.retentionDays) };
  },
  concurrency: 1,
}));
