import { TENANT_HOSTS_KEY } from '@spark/contracts';
import { database, cache as redis } from '../connections.js';
import { ignoreFailure, logIgnoredFailure } from '../observability/ignored-failure.js';
import { normalizeHost } from './host.js';
import { onInvalidation } from './invalidation.js';

export interface Tenant {
  id: string;
  name: string;
  domain: string;
  domainAliases: string[];
  status: 'active' | 'paused';
}

interface CacheEntry {
  tenant: Tenant | null;
  expiresAt: number;
}

/**
 * Host lookups are cached in-process and, for known hosts only, in a Redis hash shared by all frontend
 * instances. Both are dropped when an invalidation says a site's hosts changed; TTLs bound staleness if a
 * message is ever missed.
 *
 * Anyone can send any Host header, so unknown hosts never enter the shared hash: it holds at most one field
 * per real site host, and a flood of invented hosts can neither grow it nor keep refreshing its TTL. They
 * are remembered briefly in a separate in-process map with its own bound, which a flood can fill and reset
 * without evicting the known hosts.
 */
const TTL_MS = 60_000;
const REDIS_TTL_S = 300;
const MISS_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, CacheEntry>();
const misses = new Map<string, number>();
let subscribed = false;

function subscribeOnce() {
  if (subscribed) return;
  subscribed = true;
  onInvalidation((message) => {
    if (message.hostsChanged || message.collection === 'sites' || message.siteId === null) {
      cache.clear();
      misses.clear();
      redis().del(TENANT_HOSTS_KEY).catch(ignoreFailure('tenant host cache clear'));
    }
  });
}

/** Redis is an accelerator here, never a dependency: any Redis failure falls through to PostgreSQL. */
async function lookupShared(host: string): Promise<Tenant | null | undefined> {
  try {
    const raw = await redis().hget(TENANT_HOSTS_KEY, host);
    return raw === null ? undefined : (JSON.parse(raw) as Tenant | null);
  } catch (error) {
    logIgnoredFailure('tenant host cache read', error);
    return undefined;
  }
}

function storeShared(host: string, tenant: Tenant): void {
  redis()
    .multi()
    .hset(TENANT_HOSTS_KEY, host, JSON.stringify(tenant))
    .expire(TENANT_HOSTS_KEY, REDIS_TTL_S)
    .exec()
    .catch(ignoreFailure('tenant host cache write'));
}

async function lookupDatabase(host: string): Promise<Tenant | null> {
  const { rows } = await database().query<{
    id: string;
    name: string;
    domain: string;
    domain_aliases: string[];
    status: 'active' | 'paused';
  }>(
    `select id, name, domain, domain_aliases, status from sites
     where (domain = $1 or $1 = any(domain_aliases)) and status <> 'archived'
     limit 1`,
    [host],
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        name: row.name,
        domain: row.domain,
        domainAliases: row.domain_aliases,
        status: row.status,
      }
    : null;
}

/**
 * What this process already knows about a normalised host, without waiting: its site, null for a host known
 * to be unknown, or undefined when it must be looked up (`resolveTenant`).
 */
export function heldTenant(host: string): Tenant | null | undefined {
  const now = Date.now();
  const cached = cache.get(host);
  if (cached && cached.expiresAt > now) return cached.tenant;
  const missUntil = misses.get(host);
  return missUntil !== undefined && missUntil > now ? null : undefined;
}

/** The site a Host header names, or null for an unknown (or archived) one — never another tenant's. */
export async function resolveTenant(rawHost: string | null | undefined): Promise<Tenant | null> {
  const host = normalizeHost(rawHost);
  if (!host) return null;
  subscribeOnce();
  const held = heldTenant(host);
  if (held !== undefined) return held;
  const now = Date.now();
  let tenant = await lookupShared(host);
  if (tenant === undefined) {
    tenant = await lookupDatabase(host);
    if (tenant) storeShared(host, tenant);
  }
  if (tenant) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(host, { tenant, expiresAt: now + TTL_MS });
  } else {
    if (misses.size >= MAX_ENTRIES) misses.clear();
    misses.set(host, now + MISS_TTL_MS);
  }
  return tenant;
}

/** For tests and the god-mode flush: forget every cached host. */
export function clearTenantCache(): void {
  cache.clear();
  misses.clear();
}
