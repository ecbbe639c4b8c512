import { describe, expect, it } from 'vitest';
import {
  daysOf,
  hoursOf,
  lastDays,
  percentChange,
  previousPeriod,
  rangeLength,
  weekStart,
  zeroFilled,
} from './periods.js';

describe('analytics periods', () => {
  it('lists every day of a range, both ends included, across a month end', () => {
    expect(daysOf({ from: '2025-01-30', to: '2025-02-02' })).toEqual([
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
    ]);
    expect(daysOf({ from: '2025-02-02', to: '2025-02-01' })).toEqual([]);
  });

  it('puts the previous period right before the range, with the same number of days', () => {
    const range = { from: '2025-03-01', to: '2025-03-31' };
    const previous = previousPeriod(range);
    expect(previous).toEqual({ from: '2025-01-29', to: '2025-02-28' });
    expect(rangeLength(previous)).toBe(rangeLength(range));
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-01' })).toEqual({
      from: '2024-02-29',
      to: '2024-02-29',
    });
  });

  it('ends the last n days with today', () => {
    expect(lastDays(new Date('2025-05-10T23:59:00Z'), 30)).toEqual({ from: '2025-04-11', to: '2025-05-10' });
  });

  it('starts the week on Monday at midnight UTC', () => {
    expect(weekStart(new Date('2025-05-11T20:00:00Z')).toISOString()).toBe('2025-05-05T00:00:00.000Z');
    expect(weekStart(new Date('2025-05-05T00:00:00Z')).toISOString()).toBe('2025-05-05T00:00:00.000Z');
    expect(weekStart(new Date('2025-05-07T12:00:00Z')).toISOString()).toBe('2025-05-05T00:00:00.000Z');
  });

  it('lists 24 hours per day', () => {
    const hours = hoursOf({ from: '2025-01-01', to: '2025-01-02' });
    expect(hours).toHaveLength(48);
    expect(hours[0]).toBe('2025-01-01T00:00:00.000Z');
    expect(hours.at(-1)).toBe('2025-01-02T23:00:00.000Z');
  });

  it('fills the keys without a row with zeros, in key order', () => {
    const rows = new Map([['b', { pageviews: 3, visitors: 2 }]]);
    expect(zeroFilled(['a', 'b', 'c'], rows, ['pageviews', 'visitors'] as const)).toEqual([
      { key: 'a', pageviews: 0, visitors: 0 },
      { key: 'b', pageviews: 3, visitors: 2 },
      { key: 'c', pageviews: 0, visitors: 0 },
    ]);
  });

  it('gives the change in percent, or null without a previous figure', () => {
    expect(percentChange(150, 100)).toBe(50);
    expect(percentChange(1, 3)).toBe(-66.7);
    expect(percentChange(5, 0)).toBeNull();
  });
});
