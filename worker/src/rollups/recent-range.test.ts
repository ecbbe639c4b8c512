import { describe, expect, it } from 'vitest';
import { recentRange } from './rollup-days.js';

describe('recentRange', () => {
  it('covers today and the look-back days in UTC', () => {
    expect(recentRange(1, new Date('2025-03-01T00:30:00Z'))).toEqual({
      from: '2025-02-28',
      to: '2025-03-01',
    });
    expect(recentRange(0, new Date('2025-03-01T23:59:00Z'))).toEqual({
      from: '2025-03-01',
      to: '2025-03-01',
    });
  });
});
