/**
 * How many columns a grid of cards gets, chosen from the number of cards so the last row never holds a
 * single orphan card (4 features become 2 × 2 rather than 3 + 1; 3 stats fill 3 columns rather than 4).
 * Pure, so the rule is unit-tested; the blocks only look up the Tailwind classes.
 */

/**
 * The widest column count from `preferred` down to 2 whose last row is not one card, else the narrowest
 * from `preferred + 1` up to `widest`; `preferred` when no count avoids an orphan (13 cards in at most 4).
 * Fewer cards than `preferred` simply get one column each.
 */
export function columnsFor(count: number, preferred: number, widest = preferred): number {
  if (count <= preferred) return Math.max(1, count);
  const leavesNoOrphan = (columns: number) => count % columns !== 1;
  for (let columns = preferred; columns >= 2; columns -= 1) if (leavesNoOrphan(columns)) return columns;
  for (let columns = preferred + 1; columns <= widest; columns += 1)
    if (leavesNoOrphan(columns)) return columns;
  return preferred;
}

type Columns = 1 | 2 | 3 | 4;

// Spelled out so Tailwind's scanner finds every class.
const BASE: Record<Columns, string> = {
  1: 'grid-cols-1',
  2: 'grid-cols-2',
  3: 'grid-cols-3',
  4: 'grid-cols-4',
};
const MEDIUM: Record<Columns, string> = {
  1: 'md:grid-cols-1',
  2: 'md:grid-cols-2',
  3: 'md:grid-cols-3',
  4: 'md:grid-cols-4',
};
const LARGE: Record<Columns, string> = {
  1: 'lg:grid-cols-1',
  2: 'lg:grid-cols-2',
  3: 'lg:grid-cols-3',
  4: 'lg:grid-cols-4',
};

const clamp = (columns: number): Columns => Math.min(4, Math.max(1, columns)) as Columns;

export interface GridLayout {
  /** Columns on phones (1 unless the cards are small, like stats). */
  base?: 1 | 2;
  /** Preferred columns on desktop. */
  large: 2 | 3 | 4;
}

/** Tailwind grid-column classes for `count` cards: phones, tablets (up to 2, or what desktop uses) and desktop. */
export function gridColumnClasses(count: number, { base = 1, large }: GridLayout): string {
  const desktop = columnsFor(count, large, 4);
  const tablet = columnsFor(count, Math.min(2, desktop), desktop);
  const phone = base === 1 ? 1 : columnsFor(count, base, tablet);
  return [BASE[clamp(phone)], MEDIUM[clamp(tablet)], LARGE[clamp(desktop)]].join(' ');
}
