import { LEAD_WEBHOOK_JOB_OPTIONS } from '@spark/contracts';
import { describe, expect, it } from 'vitest';
import { webhookRetryDelayMs } from './retry-schedule.js';

describe('the lead webhook retry schedule', () => {
  it('doubles from the base and spreads the default attempts over about a day', () => {
    const base = 330_000;
    expect([1, 2, 3].map((n) => webhookRetryDelayMs(n, base))).toEqual([base, 2 * base, 4 * base]);
    const retries = LEAD_WEBHOOK_JOB_OPTIONS.attempts - 1;
    let total = 0;
    for (let made = 1; made <= retries; made++) total += webhookRetryDelayMs(made, base);
    const hours = total / 3_600_000;
    expect(hours).toBeGreaterThan(20);
    expect(hours).toBeLessThan(28);
  });
});
