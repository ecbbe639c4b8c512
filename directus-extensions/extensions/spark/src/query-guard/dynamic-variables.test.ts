import { describe, expect, it } from 'vitest';
import { resolveFilter, UnresolvedVariable } from './dynamic-variables.js';
import { combineReadFilters } from './read-filters.js';

const caller = { user: 'u1', role: 'r1', roles: ['r0', 'r1'], policies: ['p1'] };
const now = new Date('2026-01-02T03:04:05.000Z');

describe('resolveFilter', () => {
  it('replaces the user, role and time variables at any depth', () => {
    const filter = {
      _and: [
        { owner: { _eq: '$CURRENT_USER' } },
        { role: { _in: '$CURRENT_ROLES' } },
        { published_at: { _lte: '$NOW' } },
        { expires: { _gt: '$NOW(-1 day)' } },
      ],
    };
    expect(resolveFilter(filter, caller, now)).toEqual({
      _and: [
        { owner: { _eq: 'u1' } },
        { role: { _in: ['r0', 'r1'] } },
        { published_at: { _lte: '2026-01-02T03:04:05.000Z' } },
        { expires: { _gt: '2026-01-01T03:04:05.000Z' } },
      ],
    });
  });

  it('refuses a variable it cannot resolve instead of passing it through', () => {
    expect(() => resolveFilter({ site_id: { _eq: '$CURRENT_USER.site_id' } }, caller, now)).toThrow(
      UnresolvedVariable,
    );
  });
});

describe('combineReadFilters', () => {
  it('ORs the filters of several policies and lets an unfiltered permission grant every row', () => {
    const combined = combineReadFilters([
      { collection: 'posts', permissions: { a: { _eq: 1 } } },
      { collection: 'posts', permissions: { b: { _eq: 2 } } },
      { collection: 'geo', permissions: { a: { _eq: 1 } } },
      { collection: 'geo', permissions: null },
      { collection: 'pages', permissions: {} },
    ]);
    expect(combined.get('posts')).toEqual({ _or: [{ a: { _eq: 1 } }, { b: { _eq: 2 } }] });
    expect(combined.get('geo')).toBeNull();
    expect(combined.get('pages')).toBeNull();
    expect(combined.has('leads')).toBe(false);
  });
});
