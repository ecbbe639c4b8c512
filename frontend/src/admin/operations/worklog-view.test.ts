import { describe, expect, it } from 'vitest';
import { describeDetails, NO_FILTERS, worklogQuery } from './worklog-view.js';

const SITE = '5d1c2f3e-0000-4000-8000-000000000001';

describe('worklogQuery', () => {
  it('turns an inclusive day range into since and an exclusive until at the next midnight', () => {
    const query = new URLSearchParams(
      worklogQuery(SITE, { ...NO_FILTERS, from: '2026-02-28', to: '2026-02-28' }, null, 25),
    );
    expect(query.get('since')).toBe('2026-02-28T00:00:00.000Z');
    expect(query.get('until')).toBe('2026-03-01T00:00:00.000Z');
    expect(query.get('limit')).toBe('25');
  });

  it('leaves out half-typed values and keeps the cursor', () => {
    const query = new URLSearchParams(
      worklogQuery(
        SITE,
        { ...NO_FILTERS, userId: '5d1c', from: '2026-0', action: ' articles.approve ' },
        'abc',
        50,
      ),
    );
    expect(query.has('user_id')).toBe(false);
    expect(query.has('since')).toBe(false);
    expect(query.get('action')).toBe('articles.approve');
    expect(query.get('cursor')).toBe('abc');
  });
});

describe('describeDetails', () => {
  it('splits field changes from context and shows missing sides as a dash', () => {
    const described = describeDetails({
      changes: { title: { old: 'A', new: 'B' }, slug: { new: 'b' }, tags: ['x'] },
      note: 'why',
      count: 2,
    });
    expect(described.changes).toEqual([
      { field: 'title', before: 'A', after: 'B' },
      { field: 'slug', before: '—', after: 'b' },
      { field: 'tags', before: '—', after: '["x"]' },
    ]);
    expect(described.context).toEqual([
      { key: 'note', value: 'why' },
      { key: 'count', value: '2' },
    ]);
  });

  it('has no change rows for an entry without changes', () => {
    expect(describeDetails({ job_id: null }).changes).toEqual([]);
  });
});
