import type { BoardStatus } from '@spark/contracts/admin';
import type { BoardAction } from './use-board-actions.js';

/**
 * What dropping cards from one column onto another means. Only moves the API can make are allowed: review →
 * approved (approve), approved/scheduled → published (publish now), approved → scheduled (spread by velocity),
 * approved/scheduled → review. Anything else (e.g. review straight to published) is not a drop target.
 */
export function dropAction(from: BoardStatus, to: BoardStatus, ids: string[]): BoardAction | null {
  if (from === to || ids.length === 0) return null;
  if (from === 'qc' && to === 'approved') return { kind: 'approve', ids };
  if ((from === 'approved' || from === 'scheduled') && to === 'published') return { kind: 'publish', ids };
  if (from === 'approved' && to === 'scheduled') return { kind: 'spread', ids };
  if ((from === 'approved' || from === 'scheduled') && to === 'qc') return { kind: 'review', ids };
  return null;
}

export const DRAG_TYPE = 'application/x-spark-cards';

export const encodeDrag = (from: BoardStatus, ids: string[]) => JSON.stringify({ from, ids });

export function decodeDrag(raw: string): { from: BoardStatus; ids: string[] } | null {
  try {
    const value = JSON.parse(raw) as { from?: unknown; ids?: unknown };
    const statuses: readonly string[] = ['qc', 'approved', 'scheduled', 'published'];
    if (typeof value.from !== 'string' || !statuses.includes(value.from) || !Array.isArray(value.ids))
      return null;
    return {
      from: value.from as BoardStatus,
      ids: value.ids.filter((id): id is string => typeof id === 'string'),
    };
  } catch {
    return null;
  }
}
