import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SchedulePublishingInput, schedulePublishing } from './schedulePublishing.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `a${i}`);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const perDay = (schedule: { publishAt: Date }[]) => {
  const counts = new Map<string, number>();
  for (const item of schedule)
    counts.set(dayOf(item.publishAt), (counts.get(dayOf(item.publishAt)) ?? 0) + 1);
  return counts;
};

// 2025-06-02 is a Monday.
const monday = new Date('2025-06-02T00:00:00Z');

describe('schedulePublishing', () => {
  it('publishes a steady number per UTC day, in the given order', () => {
    const schedule = schedulePublishing({
      articleIds: ids(10),
      startAt: monday,
      now: monday,
      velocity: { mode: 'steady', perDay: 3 },
    });
    expect(schedule.map((s) => s.articleId)).toEqual(ids(10));
    expect([...perDay(schedule).values()]).toEqual([3, 3, 3, 1]);
  });

  it('ramps from the start rate to the maximum over the ramp days', () => {
    const schedule = schedulePublishing({
      articleIds: ids(30),
      startAt: monday,
      now: monday,
      velocity: { mode: 'ramp', startPerDay: 1, maxPerDay: 5, rampDays: 5 },
    });
    expect([...perDay(schedule).values()]).toEqual([1, 2, 3, 4, 5, 5, 5, 5]);
  });

  it('throttles weekends by the factor and carries fractions over', () => {
    const schedule = schedulePublishing({
      articleIds: ids(24),
      startAt: monday,
      now: monday,
      velocity: { mode: 'steady', perDay: 4 },
      weekendFactor: 0.25,
    });
    const counts = perDay(schedule);
    expect(counts.get('2025-06-06')).toBe(4);
    expect(counts.get('2025-06-07')).toBe(1);
    expect(counts.get('2025-06-08')).toBe(1);
    expect(counts.get('2025-06-09')).toBe(2);
  });

  it('skips weekends entirely with a factor of 0', () => {
    const schedule = schedulePublishing({
      articleIds: ids(12),
      startAt: new Date('2025-06-06T00:00:00Z'),
      now: monday,
      velocity: { mode: 'steady', perDay: 2 },
      weekendFactor: 0,
    });
    const days = [...perDay(schedule).keys()];
    expect(days).not.toContain('2025-06-07');
    expect(days).not.toContain('2025-06-08');
  });

  it('never schedules in the past when the start is before now', () => {
    const now = new Date('2025-06-10T15:30:00.250Z');
    const schedule = schedulePublishing({
      articleIds: ids(20),
      startAt: monday,
      now,
      velocity: { mode: 'steady', perDay: 10 },
    });
    for (const item of schedule) expect(item.publishAt.getTime()).toBeGreaterThanOrEqual(now.getTime());
  });

  it('scales the first partial day to the part of the window that is left', () => {
    const startAt = new Date('2025-06-02T18:00:00Z');
    const schedule = schedulePublishing({
      articleIds: ids(8),
      startAt,
      now: startAt,
      velocity: { mode: 'steady', perDay: 8 },
    });
    expect(perDay(schedule).get('2025-06-02')).toBe(2);
  });

  it('keeps times inside the publishing window, in whole seconds', () => {
    const schedule = schedulePublishing({
      articleIds: ids(50),
      startAt: monday,
      now: monday,
      velocity: { mode: 'steady', perDay: 7 },
      window: { startHour: 13, endHour: 22 },
    });
    for (const { publishAt } of schedule) {
      expect(publishAt.getUTCHours()).toBeGreaterThanOrEqual(13);
      expect(publishAt.getUTCHours()).toBeLessThan(22);
      expect(publishAt.getUTCMilliseconds()).toBe(0);
    }
  });

  it('is deterministic for a seed and spreads times differently for another', () => {
    const input: SchedulePublishingInput = {
      articleIds: ids(6),
      startAt: monday,
      now: monday,
      velocity: { mode: 'steady', perDay: 3 },
    };
    expect(schedulePublishing({ ...input, seed: 'x' })).toEqual(schedulePublishing({ ...input, seed: 'x' }));
    expect(schedulePublishing({ ...input, seed: 'x' })).not.toEqual(
      schedulePublishing({ ...input, seed: 'y' }),
    );
  });

  it('returns non-decreasing times that are never before the start, for any valid input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.date({ min: new Date('2024-01-01'), max: new Date('2026-01-01'), noInvalidDate: true }),
        fc.date({ min: new Date('2024-01-01'), max: new Date('2026-01-01'), noInvalidDate: true }),
        fc.oneof(
          fc.record({
            mode: fc.constant('steady' as const),
            perDay: fc.double({ min: 0.2, max: 20, noNaN: true }),
          }),
          fc.record({
            mode: fc.constant('ramp' as const),
            startPerDay: fc.double({ min: 0, max: 5, noNaN: true }),
            maxPerDay: fc.double({ min: 0.5, max: 20, noNaN: true }),
            rampDays: fc.integer({ min: 1, max: 14 }),
          }),
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (count, startAt, now, velocity, weekendFactor) => {
          const schedule = schedulePublishing({
            articleIds: ids(count),
            startAt,
            now,
            velocity,
            weekendFactor,
          });
          expect(schedule).toHaveLength(count);
          const floor = Math.max(startAt.getTime(), now.getTime());
          schedule.forEach((item, i) => {
            expect(item.publishAt.getTime()).toBeGreaterThanOrEqual(floor);
            if (i > 0)
              expect(item.publishAt.getTime()).toBeGreaterThanOrEqual(
                schedule[i - 1]?.publishAt.getTime() ?? 0,
              );
          });
        },
      ),
    );
  });

  it('rejects velocities and windows that could never publish', () => {
    const base = { articleIds: ids(1), startAt: monday, now: monday };
    expect(() => schedulePublishing({ ...base, velocity: { mode: 'steady', perDay: 0 } })).toThrow(
      RangeError,
    );
    expect(() =>
      schedulePublishing({ ...base, velocity: { mode: 'ramp', startPerDay: 1, maxPerDay: 0, rampDays: 3 } }),
    ).toThrow(RangeError);
    expect(() =>
      schedulePublishing({
        ...base,
        velocity: { mode: 'steady', perDay: 1 },
        window: { startHour: 10, endHour: 10 },
      }),
    ).toThrow(RangeError);
    expect(() =>
      schedulePublishing({ ...base, velocity: { mode: 'steady', perDay: 1 }, weekendFactor: 2 }),
    ).toThrow(RangeError);
  });
});
