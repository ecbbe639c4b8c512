import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TABLE_STATE,
  exportPath,
  listPath,
  searchFromState,
  sortBy,
  stateFromSearch,
} from './table-state.js';

describe('the leads table state', () => {
  it('round-trips through the address, keeping only what differs from the default', () => {
    const state = { ...DEFAULT_TABLE_STATE, q: 'ada', status: 'won' as const, from: '2026-01-01', page: 2 };
    const search = searchFromState(state);
    expect(search).toBe('q=ada&status=won&from=2026-01-01&page=2');
    expect(stateFromSearch(search)).toEqual(state);
    expect(searchFromState(DEFAULT_TABLE_STATE)).toBe('');
  });

  it('drops what it does not know instead of sending it to the server', () => {
    expect(stateFromSearch('status=converted&sort=password&from=yesterday&page=-3&dir=sideways')).toEqual(
      DEFAULT_TABLE_STATE,
    );
  });

  it('gives the list its page and the export the same filter without paging', () => {
    const state = { ...DEFAULT_TABLE_STATE, q: '  512 ', utm_source: 'google', page: 3 };
    expect(listPath('s1', state, 25)).toBe(
      '/api/admin/leads?site_id=s1&q=512&utm_source=google&sort=date_created&dir=desc&limit=25&offset=75',
    );
    expect(exportPath('s1', state)).toBe('/api/admin/leads.csv?site_id=s1&q=512&utm_source=google');
  });

  it('sorts by a new column from its natural end and flips a repeated one, back on the first page', () => {
    const byName = sortBy({ ...DEFAULT_TABLE_STATE, page: 4 }, 'name');
    expect(byName).toMatchObject({ sort: 'name', dir: 'asc', page: 0 });
    expect(sortBy(byName, 'name')).toMatchObject({ sort: 'name', dir: 'desc' });
    expect(sortBy(byName, 'date_created')).toMatchObject({ sort: 'date_created', dir: 'desc' });
  });
});
