import { describe, expect, it } from 'vitest';
import { JOB_OPTIONS, maintenanceJobs } from './queues.js';

describe('queue defaults', () => {
  it('are exactly the platform job options: 3 attempts, exponential backoff from 1 s, keep 100 completed and 1000 failed', () => {
    expect(JOB_OPTIONS).toEqual({
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
