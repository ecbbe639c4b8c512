import { describe, expect, it } from 'vitest';
import { projectPerDay, velocityOf } from './velocity-projection.js';

const monday = new Date('2026-01-05T00:00:00Z');

describe('velocity projection', () => {
  it('publishes the steady rate on weekdays and the weekend factor of it on weekends', () => {
    const days = projectPerDay(
      { mode: 'steady', per_day: '10', ramp_to: '', ramp_days: '14', weekend_factor: '0.5' },
      monday,
      7,
    );
    expect(days).toEqual([10, 10, 10, 10, 10, 5, 5]);
  });

  it('ramps up from the daily rate to the target over the ramp days', () => {
    const days = projectPerDay(
      { mode: 'ramp_up', per_day: '2', ramp_to: '20', ramp_days: '10', weekend_factor: '1' },
      monday,
      14,
    );
    expect(days[0]).toBe(2);
    expect(days[13]).toBe(20);
    expect(days.every((n, i) => i === 0 || n >= (days[i - 1] ?? 0))).toBe(true);
  });

  it('treats ramp-up without a target as steady', () => {
    expect(
      velocityOf({ mode: 'ramp_up', per_day: '5', ramp_to: '', ramp_days: '14', weekend_factor: '1' }),
    ).toEqual({
      mode: 'steady',
      perDay: 5,
    });
  });
});
