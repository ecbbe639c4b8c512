import { describe, expect, it } from 'vitest';
import { customRangeProblem, presetRange } from './date-range.js';

const now = new Date('2025-03-15T10:00:00Z');

describe('analytics date range presets', () => {
  it('turns each preset into UTC days ending today', () => {
    expect(presetRange('today', now)).toEqual({ from: '2025-03-15', to: '2025-03-15' });
    expect(presetRange('yesterday', now)).toEqual({ from: '2025-03-14', to: '2025-03-14' });
    expect(presetRange('7d', now)).toEqual({ from: '2025-03-09', to: '2025-03-15' });
    expect(presetRange('30d', now)).toEqual({ from: '2025-02-14', to: '2025-03-15' });
    expect(presetRange('month', now)).toEqual({ from: '2025-03-01', to: '2025-03-15' });
  });

  it('explains a custom range the API would refuse', () => {
    expect(customRangeProblem({ from: '2025-03-02', to: '2025-03-01' })).toMatch(/on or before/);
    expect(customRangeProblem({ from: '', to: '2025-03-01' })).toMatch(/start day/);
    expect(customRangeProblem({ from: '2024-01-01', to: '2025-03-01' })).toMatch(/at most 366/);
    expect(customRangeProblem({ from: '2025-03-01', to: '2025-03-01' })).toBeNull();
  });
});
