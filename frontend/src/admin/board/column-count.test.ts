import { describe, expect, it } from 'vitest';
import { columnCount, hasPageBeyondCount } from './column-count.js';

const cards = (n: number) => Array.from({ length: n }, () => ({}) as never);

describe('columnCount', () => {
  it('shows an exact count as it is, grouped in thousands', () => {
    expect(columnCount({ total: 200, total_capped: false })).toBe('200');
    expect(columnCount({ total: 9_999, total_capped: false })).toBe('9,999');
  });

  it('shows a capped count as the cap and more', () => {
    expect(columnCount({ total: 10_000, total_capped: true })).toBe('10,000+');
  });
});

describe('hasPageBeyondCount', () => {
  it('goes on past a capped count while pages are full, and stops at a short page', () => {
    expect(hasPageBeyondCount({ total_capped: true, data: cards(20), limit: 20 })).toBe(true);
    expect(hasPageBeyondCount({ total_capped: true, data: cards(7), limit: 20 })).toBe(false);
    expect(hasPageBeyondCount({ total_capped: false, data: cards(20), limit: 20 })).toBe(false);
  });
});
