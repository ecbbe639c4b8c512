import type { Filter } from './scope-filter.js';

export interface Caller {
  user: string | null;
  role: string | null;
  roles: string[];
  policies: string[];
}

/** A permission filter that names a variable this guard cannot resolve: the collection counts as unreadable. */
export class UnresolvedVariable extends Error {}

const NOW_WITH_OFFSET = /^\$NOW\(\s*([+-]?\d+)\s*(second|minute|hour|day|week)s?\s*\)$/;
const UNIT_MS = { second: 1e3, minute: 6e4, hour: 36e5, day: 864e5, week: 6048e5 } as const;

function resolveValue(value: unknown, caller: Caller, now: Date): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, caller, now));
  if (typeof value === 'object' && value !== null) return resolveFilter(value as Filter, caller, now);
  if (typeof value !== 'string' || !value.startsWith('$')) return value;
  if (value === '$NOW') return now.toISOString();
  const offset = NOW_WITH_OFFSET.exec(value);
  if (offset) {
    const unit = offset[2] as keyof typeof UNIT_MS;
    return new Date(now.getTime() + Number(offset[1]) * UNIT_MS[unit]).toISOString();
  }
  if (value === '$CURRENT_USER') return caller.user;
  if (value === '$CURRENT_ROLE') return caller.role;
  if (value === '$CURRENT_ROLES') return caller.roles;
  if (value === '$CURRENT_POLICIES') return caller.policies;
  throw new UnresolvedVariable(value);
}

/**
 * Directus resolves dynamic variables in a request's filter before the query hooks run, so a permission filter
 * injected there must arrive resolved. Covers the variables our policies and Directus's app permissions use.
 */
export function resolveFilter(filter: Filter, caller: Caller, now: Date): Filter {
  return Object.fromEntries(
    Object.entries(filter).map(([key, value]) => [key, resolveValue(value, caller, now)]),
  );
}
