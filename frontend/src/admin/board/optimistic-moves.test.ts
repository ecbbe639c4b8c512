import type { ArticleCard, BoardColumn } from '@spark/contracts/admin';
import { describe, expect, it } from 'vitest';
import { applyBoardMove, moveTarget } from './optimistic-moves.js';

const NOW = '2026-12-07T11:00:00.000Z';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const card = (n: number, status: string): ArticleCard => ({
  id: id(n),
  campaign_id: null,
  title: `Article ${n}`,
  slug: `article-${n}`,
  status,
  word_count: 800,
  city: 'Austin',
  publish_at: null,
  published_at: null,
  flags: [],
});
const page = (cards: ArticleCard[], total: number, offset = 0, capped = false): BoardColumn => ({
  data: cards,
  total,
  total_capped: capped,
  limit: 20,
  offset,
});

describe('applyBoardMove', () => {
  const review = [card(1, 'qc'), card(2, 'qc'), card(3, 'qc')];
  const approved = [card(9, 'approved')];
  const known = [...review, ...approved];

  it('takes approved cards out of review and puts them on top of the approved column, totals included', () => {
    const action = { kind: 'approve' as const, ids: [id(1), id(3)] };
    const qc = applyBoardMove(page(review, 30), 'qc', action, known, NOW);
    expect(qc.data.map((c) => c.id)).toEqual([id(2)]);
    expect(qc.total).toBe(28);
    const target = applyBoardMove(page(approved, 1), 'approved', action, known, NOW);
    expect(target.data.map((c) => [c.id, c.status])).toEqual([
      [id(1), 'approved'],
      [id(3), 'approved'],
      [id(9), 'approved'],
    ]);
    expect(target.total).toBe(3);
  });

  it('changes only the total of a later page of the target column', () => {
    const later = page([card(40, 'approved')], 41, 20);
    const moved = applyBoardMove(later, 'approved', { kind: 'approve', ids: [id(1)] }, known, NOW);
    expect(moved.data.map((c) => c.id)).toEqual([id(40)]);
    expect(moved.total).toBe(42);
  });

  it('moves cards but keeps a capped total as it is, since the column’s real size is unknown', () => {
    const action = { kind: 'approve' as const, ids: [id(1)] };
    const qc = applyBoardMove(page(review, 10_000, 0, true), 'qc', action, known, NOW);
    expect(qc.data.map((c) => c.id)).toEqual([id(2), id(3)]);
    expect([qc.total, qc.total_capped]).toEqual([10_000, true]);
    const target = applyBoardMove(page(approved, 10_000, 0, true), 'approved', action, known, NOW);
    expect(target.data.map((c) => c.id)).toEqual([id(1), id(9)]);
    expect(target.total).toBe(10_000);
  });

  it('leaves cards the server would skip where they are', () => {
    const action = { kind: 'publish' as const, ids: [id(1), id(9)] };
    const qc = applyBoardMove(page(review, 3), 'qc', action, known, NOW);
    expect(qc).toEqual(page(review, 3));
    const published = applyBoardMove(page([], 0), 'published', action, known, NOW);
    expect(published.data).toEqual([{ ...card(9, 'published'), published_at: NOW }]);
    expect(published.total).toBe(1);
  });

  it('schedules at the chosen time, and returns the same page object when nothing changes', () => {
    const at = '2026-12-24T09:00';
    const scheduled = applyBoardMove(
      page([], 0),
      'scheduled',
      { kind: 'schedule', ids: [id(9)], at },
      known,
      NOW,
    );
    expect(scheduled.data[0]?.publish_at).toBe(new Date(at).toISOString());
    const untouched = page([card(50, 'published')], 1);
    expect(applyBoardMove(untouched, 'published', { kind: 'approve', ids: [id(1)] }, known, NOW)).toBe(
      untouched,
    );
  });
});

describe('the quality gate on the board', () => {
  const flagged = { ...card(5, 'approved'), flags: ['short'] };
  const clean = card(6, 'approved');
  const cards = [flagged, clean];

  it('leaves a flagged card in its column when it is published without an override', () => {
    const action = { kind: 'publish' as const, ids: [id(5), id(6)] };
    const column = applyBoardMove(page(cards, 2), 'approved', action, cards, NOW);
    expect(column.data.map((c) => c.id)).toEqual([id(5)]);
    expect(column.total).toBe(1);
  });

  it('moves a flagged card that the action overrides the gate for', () => {
    const action = { kind: 'spread' as const, ids: [id(5)], overrideIds: [id(5)] };
    const column = applyBoardMove(page([], 0), 'scheduled', action, cards, NOW);
    expect(column.data.map((c) => c.id)).toEqual([id(5)]);
  });

  it('does not hold flagged cards back from approval or review', () => {
    const action = { kind: 'review' as const, ids: [id(5)] };
    expect(applyBoardMove(page(cards, 2), 'approved', action, cards, NOW).total).toBe(1);
  });
});

describe('moveTarget', () => {
  it('follows the API: review → approved → scheduled/published, and back to review', () => {
    expect(moveTarget({ kind: 'approve', ids: [] }, 'qc')).toBe('approved');
    expect(moveTarget({ kind: 'approve', ids: [] }, 'approved')).toBeNull();
    expect(moveTarget({ kind: 'spread', ids: [] }, 'approved')).toBe('scheduled');
    expect(moveTarget({ kind: 'publish', ids: [] }, 'scheduled')).toBe('published');
    expect(moveTarget({ kind: 'review', ids: [] }, 'published')).toBeNull();
  });
});
