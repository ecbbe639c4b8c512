import type { BoardColumn } from '@spark/contracts/admin';

/** A column's count as the board shows it: exact, or the cap with a "+" when counting stopped there. */
export function columnCount(column: Pick<BoardColumn, 'total' | 'total_capped'>): string {
  const total = column.total.toLocaleString('en-US');
  return column.total_capped ? `${total}+` : total;
}

/**
 * Whether a page follows this one beyond what the count covers: a capped column goes on past its count's
 * last page while the current page is full.
 */
export function hasPageBeyondCount(column: Pick<BoardColumn, 'total_capped' | 'data' | 'limit'>): boolean {
  return column.total_capped && column.data.length === column.limit;
}
