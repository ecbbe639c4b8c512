import { describe, expect, it } from 'vitest';
import { formatPublishedDate } from './published-date.js';

describe('formatPublishedDate', () => {
  it('writes the long US date of the UTC day, whatever the time of day', () => {
    expect(formatPublishedDate('2026-01-05T00:00:00.000Z')).toBe('January 5, 2026');
    expect(formatPublishedDate('2026-12-31T23:59:59.999Z')).toBe('December 31, 2026');
  });
});
