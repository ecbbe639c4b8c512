/** The work-log panel's pure logic: filters to a query string, and an entry's details to a readable diff. */

export interface WorklogFilters {
  action: string;
  userId: string;
  level: '' | 'debug' | 'info' | 'warning' | 'error';
  /** Calendar days (YYYY-MM-DD, UTC), both inclusive; empty = open-ended. */
  from: string;
  to: string;
}

export const NO_FILTERS: WorklogFilters = { action: '', userId: '', level: '', from: '', to: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/**
 * The worklog route's query for these filters. A day range becomes `since` (start of the first day) and
 * `until` (start of the day after the last, exclusive), so "to" includes its whole day. Half-typed values
 * (a partial user id or date) are left out rather than sent to be refused.
 */
export function worklogQuery(
  siteId: string,
  filters: WorklogFilters,
  cursor: string | null,
  limit: number,
): string {
  const params = new URLSearchParams({ site_id: siteId, limit: String(limit) });
  if (filters.action.trim()) params.set('action', filters.action.trim());
  if (UUID.test(filters.userId.trim())) params.set('user_id', filters.userId.trim());
  if (filters.level) params.set('level', filters.level);
  if (DAY.test(filters.from)) params.set('since', `${filters.from}T00:00:00.000Z`);
  if (DAY.test(filters.to)) params.set('until', dayAfter(filters.to));
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export interface ChangeRow {
  field: string;
  before: string;
  after: string;
}

const shown = (value: unknown): string =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

function isChange(value: unknown): value is { old?: unknown; new?: unknown } {
  return !!value && typeof value === 'object' && ('old' in value || 'new' in value);
}

/**
 * An entry's details split into the field changes (`changes: {field: {old, new}}`, the shape every writer of
 * the log uses for edits) and the remaining context, each value as text.
 */
export function describeDetails(details: Record<string, unknown>): {
  changes: ChangeRow[];
  context: { key: string; value: string }[];
} {
  const { changes, ...rest } = details;
  const rows =
    changes && typeof changes === 'object'
      ? Object.entries(changes as Record<string, unknown>).map(([field, change]) =>
          isChange(change)
            ? { field, before: shown(change.old), after: shown(change.new) }
            : { field, before: '—', after: shown(change) },
        )
      : [];
  return {
    changes: rows,
    context: Object.entries(rest).map(([key, value]) => ({ key, value: shown(value) })),
  };
}
