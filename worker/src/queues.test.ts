import { describe, expect, it } from 'vitest';
import { parseWorkerEnv } from './env.js';
import { DEFAULT_JOB_OPTIONS, maintenanceJobs } from './queues.js';

describe('queue defaults', () => {
  it('are exactly the platform job options: 3 attempts, exponential backoff from 1 s, keep 100 completed and 1000 failed', () => {
    expect(DEFAULT_JOB_OPTIONS).toEqual({
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: 100,
      removeOnFail: 1000,
    });
  });

  it('reject a trim payload with extra or out-of-range fields', () => {
    expect(maintenanceJobs.trimWorkLog.payload.safeParse({ retentionDays: 0 }).success).toBe(false);
    expect(maintenanceJobs.trimWorkLog.payload.safeParse({ retentionDays: 30, extra: 1 }).success).toBe(
      false,
    );
    expect(maintenanceJobs.trimWorkLog.payload.safeParse({ retentionDays: 30 }).success).toBe(true);
  });
});

describe('parseWorkerEnv', () => {
  it('names the missing variables', () => {
    expect(() => parseWorkerEnv({})).toThrow(/DATABASE_URL.*REDIS_URL/);
  });

  it('applies defaults for concurrency and retention', () => {
    const env = parseWorkerEnv({ DATABASE_URL: 'postgres://u:p@h/db', REDIS_URL: 'redis://h:6379' });
    expect(env.WORKER_CONCURRENCY).toBe(4);
    expect(env.WORK_LOG_RETENTION_DAYS).toBe(90);
  });
});
