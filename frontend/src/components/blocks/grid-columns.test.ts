import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnsFor, gridColumnClasses } from './grid-columns.js';

describe('columnsFor', () => {
  it('puts 4 features in 2 columns rather than 3 + 1', () => {
    expect(columnsFor(4, 3)).toBe(2);
  });

  it('puts 3 stats in 3 columns rather than 4, and 2 pricing cards in 2 rather than 3', () => {
    expect(columnsFor(3, 4)).toBe(3);
    expect(columnsFor(2, 3)).toBe(2);
  });

  it('keeps the preferred count when the last row is full or holds at least two cards', () => {
    expect(columnsFor(6, 3)).toBe(3);
    expect(columnsFor(5, 3)).toBe(3);
    expect(columnsFor(8, 4)).toBe(4);
  });

  it('widens when no narrower grid avoids an orphan', () => {
    expect(columnsFor(3, 2, 3)).toBe(3);
    expect(columnsFor(7, 3, 4)).toBe(4);
  });

  it('never leaves a single card alone in a row of several when some column count avoids it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 2, max: 4 }), (count, preferred) => {
        const columns = columnsFor(count, preferred, 4);
        const avoidable = [2, 3, 4].some((c) => count <= c || count % c !== 1);
        if (avoidable) expect(count <= columns || count % columns !== 1).toBe(true);
        expect(columns).toBeGreaterThanOrEqual(1);
        expect(columns).toBeLessThanOrEqual(4);
      }),
    );
  });
});

describe('gridColumnClasses', () => {
  it('gives phones one column, tablets and desktops an orphan-free count', () => {
    expect(gridColumnClasses(4, { large: 3 })).toBe('grid-cols-1 md:grid-cols-2 lg:grid-cols-2');
    expect(gridColumnClasses(3, { large: 3 })).toBe('grid-cols-1 md:grid-cols-3 lg:grid-cols-3');
  });

  it('lets small cards share a phone row without an orphan', () => {
    expect(gridColumnClasses(3, { base: 2, large: 4 })).toBe('grid-cols-3 md:grid-cols-3 lg:grid-cols-3');
    expect(gridColumnClasses(4, { base: 2, large: 4 })).toBe('grid-cols-2 md:grid-cols-2 lg:grid-cols-4');
  });
});
