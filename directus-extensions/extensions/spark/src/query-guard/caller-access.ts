import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { z } from 'zod';
import { type Caller, resolveFilter, UnresolvedVariable } from './dynamic-variables.js';
import { combineReadFilters } from './read-filters.js';
import type { Filter } from './scope-filter.js';

export interface CallerAccess {
  admin: boolean;
  /** Readable collections and their resolved row filters (null = every row); absent = not readable. */
  readFilters: Map<string, Filter | null>;
}

const policyRow = z.object({
  id: z.string(),
  admin_access: z.coerce.boolean(),
  ip_access: z.union([z.string(), z.array(z.string())]).nullable(),
});
const permissionRow = z.object({
  collection: z.string(),
  policy: z.string(),
  permissions: z
    .union([z.string(), z.record(z.unknown())])
    .nullable()
    .transform((value) => (typeof value === 'string' ? (JSON.parse(value) as Filter) : value)),
});

/** Policies with an IP allow-list apply only from those addresses (exact match: a CIDR fails closed). */
function appliesFrom(ipAccess: string | string[] | null, ip: string | null | undefined): boolean {
  const allowed = (Array.isArray(ipAccess) ? ipAccess : (ipAccess ?? '').split(','))
    .map((entry) => entry.trim())
    .filter(Boolean);
  return allowed.length === 0 || (!!ip && allowed.includes(ip));
}

/**
 * The caller's policies as Directus picks them: its user's and its roles' (the role chain is in
 * `accountability.roles`), or the public ones when it has no role.
 */
async function loadPolicies(database: Knex, accountability: Accountability) {
  const roles = accountability.roles ?? [];
  const rows = await database('directus_access as a')
    .join('directus_policies as p', 'p.id', 'a.policy')
    .select('p.id', 'p.admin_access', 'p.ip_access')
    .where((where) => {
      if (roles.length > 0) where.whereIn('a.role', roles);
      else where.whereNull('a.role').whereNull('a.user');
      if (accountability.user) where.orWhere('a.user', accountability.user);
    });
  return z
    .array(policyRow)
    .parse(rows)
    .filter((policy) => appliesFrom(policy.ip_access, accountability.ip));
}

export async function loadCallerAccess(
  database: Knex,
  accountability: Accountability,
): Promise<CallerAccess> {
  const policies = await loadPolicies(database, accountability);
  if (policies.some((policy) => policy.admin_access)) return { admin: true, readFilters: new Map() };
  const policyIds = [...new Set(policies.map((policy) => policy.id))];
  const rows =
    policyIds.length === 0
      ? []
      : await database('directus_permissions')
          .select('collection', 'policy', 'permissions')
          .where('action', 'read')
          .whereIn('policy', policyIds);
  const caller: Caller = {
    user: accountability.user ?? null,
    role: accountability.role ?? null,
    roles: accountability.roles ?? [],
    policies: policyIds,
  };
  const now = new Date();
  const readable = [];
  const unresolved = new Set<string>();
  for (const row of z.array(permissionRow).parse(rows)) {
    try {
      readable.push({ ...row, permissions: row.permissions && resolveFilter(row.permissions, caller, now) });
    } catch (error) {
      if (!(error instanceof UnresolvedVariable)) throw error;
      unresolved.add(row.collection);
    }
  }
  const readFilters = combineReadFilters(readable);
  // A filter we cannot resolve must not widen access: the whole collection counts as unreadable.
  for (const collection of unresolved) readFilters.delete(collection);
  return { admin: false, readFilters };
}
