import type { ArticleCard, BoardColumn, BoardStatus } from '@spark/contracts/admin';
import type { BoardAction } from './use-board-actions.js';

/**
 * Where an action takes a card of a given status, or null when the server would skip it (e.g. approving a
 * card that is not in review). Mirrors the API's rules so the optimistic board shows what the answer will.
 */
export function moveTarget(action: BoardAction, from: string): BoardStatus | null {
  switch (action.kind) {
    case 'approve':
      return from === 'qc' ? 'approved' : null;
    case 'publish':
      return from === 'approved' || from === 'scheduled' ? 'published' : null;
    case 'schedule':
    case 'spread':
      return from === 'approved' || from === 'scheduled' ? 'scheduled' : null;
    case 'review':
      return from === 'approved' || from === 'scheduled' ? 'qc' : null;
  }
}

/**
 * The server's publish gate, as far as the board can see it: publishing, scheduling or spreading leaves a card
 * with open quality flags where it is unless the action overrides the gate for it.
 */
export function heldByQualityGate(action: BoardAction, card: ArticleCard): boolean {
  if (action.kind !== 'publish' && action.kind !== 'schedule' && action.kind !== 'spread') return false;
  return card.flags.length > 0 && !(action.overrideIds ?? []).includes(card.id);
}

/** The card as it will come back after the move (dates the server sets are guessed, then refetched). */
function movedCard(card: ArticleCard, to: BoardStatus, action: BoardAction, now: string): ArticleCard {
  if (to === 'published') return { ...card, status: to, published_at: now, publish_at: null };
  if (to === 'scheduled')
    return {
      ...card,
      status: to,
      publish_at: action.kind === 'schedule' ? new Date(action.at).toISOString() : null,
    };
  return { ...card, status: to, publish_at: null };
}

/**
 * One cached page of one column after `action`, before the server answers: cards that move leave their
 * column and arrive at the top of the target column's first page, and every cached page's exact total follows.
 * `cards` are the moved cards as the cache knew them (from any column and page, each once). Pure, so the
 * rollback is just the previous value.
 */
export function applyBoardMove(
  page: BoardColumn,
  status: BoardStatus,
  action: BoardAction,
  cards: readonly ArticleCard[],
  now: string,
): BoardColumn {
  const moving = new Set(action.ids);
  const moves = cards
    .filter((card) => moving.has(card.id) && !heldByQualityGate(action, card))
    .map((card) => ({ card, to: moveTarget(action, card.status) }))
    .filter((move) => move.to !== null && move.to !== move.card.status);
  const leaving = new Set(moves.filter((move) => move.card.status === status).map((move) => move.card.id));
  const arriving = moves
    .filter((move) => move.to === status)
    .map((move) => movedCard(move.card, status, action, now));
  if (leaving.size === 0 && arriving.length === 0) return page;
  const kept = page.data.filter((card) => !leaving.has(card.id));
  return {
    ...page,
    data: page.offset === 0 ? [...arriving, ...kept] : kept,
    // A capped count ("10,000+") stays as it is: the column's real size is unknown until the refetch.
    total: page.total_capped ? page.total : Math.max(0, page.total - leaving.size + arriving.length),
  };
}
