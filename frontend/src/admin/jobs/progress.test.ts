import { describe, expect, it } from 'vitest';
import { formatDuration, progressStats } from './progress.js';

describe('job progress', () => {
  it('derives rate and time left from two observations', () => {
    const stats = progressStats({ at: 0, done: 0 }, { at: 2000, done: 100 }, 300);
    expect(stats).toEqual({ percent: 33, perSecond: 50, secondsLeft: 4 });
  });

  it('shows no rate before there is movement to measure', () => {
    expect(progressStats(null, { at: 0, done: 0 }, 200)).toEqual({
      percent: 0,
      perSecond: null,
      secondsLeft: null,
    });
    expect(progressStats({ at: 0, done: 10 }, { at: 100, done: 20 }, 200).perSecond).toBeNull();
    expect(progressStats({ at: 0, done: 0 }, { at: 1000, done: 200 }, 200).percent).toBe(100);
  });

  it('formats durations for people', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(3725)).toBe('1 h 2 min');
  });
});
