import { LEAD_SORTS, LEAD_STATUSES, type LeadStatus } from '@spark/contracts/admin';

type LeadSort = (typeof LEAD_SORTS)[number];

/** What the leads table shows: its filter, order and page. Kept in the address, so a view can be shared. */
export interface LeadTableState {
  q: string;
  status: LeadStatus | '';
  form_id: string;
  utm_source: string;
  from: string;
  to: string;
  sort: LeadSort;
  dir: 'asc' | 'desc';
  page: number;
}

export const DEFAULT_TABLE_STATE: LeadTableState = {
  q: '',
  status: '',
  form_id: '',
  utm_source: '',
  from: '',
  to: '',
  sort: 'date_created',
  dir: 'desc',
  page: 0,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((known) => known === value);

/** Reads the state from a query string; anything unknown or malformed falls back to the default. */
export function stateFromSearch(search: string): LeadTableState {
  const params = new URLSearchParams(search);
  const text = (key: string) => (params.get(key) ?? '').slice(0, 200);
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    q: text('q'),
    status: oneOf(LEAD_STATUSES, params.get('status')) ?? '',
    form_id: text('form_id'),
    utm_source: text('utm_source'),
    from: DAY.test(text('from')) ? text('from') : '',
    to: DAY.test(text('to')) ? text('to') : '',
    sort: oneOf(LEAD_SORTS, params.get('sort')) ?? DEFAULT_TABLE_STATE.sort,
    dir: params.get('dir') === 'asc' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page > 0 ? page : 0,
  };
}

/** The state as a query string holding only what differs from the default. */
export function searchFromState(state: LeadTableState): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value !== DEFAULT_TABLE_STATE[key as keyof LeadTableState]) params.set(key, String(value));
  }
  return params.toString();
}

/** The filter part, as the list route and the CSV export both take it. */
function filterParams(siteId: string, state: LeadTableState): URLSearchParams {
  const params = new URLSearchParams({ site_id: siteId });
  const q = state.q.trim();
  if (q) params.set('q', q);
  for (const key of ['status', 'form_id', 'utm_source', 'from', 'to'] as const) {
    if (state[key]) params.set(key, state[key]);
  }
  return params;
}

export function listPath(siteId: string, state: LeadTableState, pageSize: number): string {
  const params = filterParams(siteId, state);
  params.set('sort', state.sort);
  params.set('dir', state.dir);
  params.set('limit', String(pageSize));
  params.set('offset', String(state.page * pageSize));
  return `/api/admin/leads?${params}`;
}

/** The CSV export of exactly what the table's filter selects (every page, in the table's default order). */
export const exportPath = (siteId: string, state: LeadTableState) =>
  `/api/admin/leads.csv?${filterParams(siteId, state)}`;

/** Clicking a column header: sort by it (dates newest first, text A–Z), or flip the direction if it already is. */
export function sortBy(state: LeadTableState, column: LeadSort): LeadTableState {
  if (state.sort === column) return { ...state, dir: state.dir === 'asc' ? 'desc' : 'asc', page: 0 };
  return { ...state, sort: column, dir: column === 'date_created' ? 'desc' : 'asc', page: 0 };
}
