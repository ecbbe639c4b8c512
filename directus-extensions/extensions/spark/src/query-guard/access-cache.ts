import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { type CallerAccess, loadCallerAccess } from './caller-access.js';

/**
 * Caller access by identity (user, roles, IP), kept for a few seconds: every item query asks, and policies change
 * rarely. Any write to roles, policies, access or permissions clears it (see the hook); the short lifetime also
 * bounds how stale a resolved `$NOW` can be.
 */
const LIFETIME_MS = 10_000;
const MAX_ENTRIES = 1_000;

export function createAccessCache(database: Knex, clock: () => number = Date.now) {
  const entries = new Map<string, { at: number; access: Promise<CallerAccess> }>();
  return {
    forCaller(accountability: Accountability): Promise<CallerAccess> {
      const key = JSON.stringify([
        accountability.user,
        accountability.role,
        accountability.roles,
        accountability.ip,
      ]);
      const now = clock();
      const hit = entries.get(key);
      if (hit && now - hit.at < LIFETIME_MS) return hit.access;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      const access = loadCallerAccess(database, accountability);
      entries.set(key, { at: now, access });
      access.catch(() => entries.delete(key));
      return access;
    },
    clear(): void {
      entries.clear();
    },
  };
}
