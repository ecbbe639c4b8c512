import { ForbiddenError } from '@directus/errors';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { createAccessCache } from './access-cache.js';
import { relationsOf } from './relations.js';
import { isFilter, RefusedPath } from './scope-filter.js';
import { type GuardedQuery, scopeQuery } from './scope-query.js';

export type QueryGuard = ReturnType<typeof createQueryGuard>;

/** Binds the pure query scoping to the caller's policies and the live schema; refusals become a 403. */
export function createQueryGuard(database: Knex) {
  const access = createAccessCache(database);
  return {
    clear: () => access.clear(),
    async scope<Q>(
      accountability: Accountability | null | undefined,
      schema: SchemaOverview | null | undefined,
      collection: string,
      query: Q,
    ): Promise<Q> {
      if (!accountability || accountability.admin || !isFilter(query)) return query;
      const caller = await access.forCaller(accountability);
      if (caller.admin) return query;
      const relationOf = relationsOf(schema?.relations ?? []);
      // A share link's permissions are derived per item; it gets no relational paths at all.
      const readFilterOf = (target: string) =>
        accountability.share ? undefined : caller.readFilters.get(target);
      try {
        return scopeQuery({ relationOf, readFilterOf }, collection, query as GuardedQuery) as Q;
      } catch (error) {
        if (error instanceof RefusedPath) throw new ForbiddenError({ reason: error.message });
        throw error;
      }
    },
  };
}
