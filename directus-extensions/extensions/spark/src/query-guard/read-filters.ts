import type { Filter } from './scope-filter.js';

/** One `read` permission row of a policy that applies to the caller. */
export interface ReadPermission {
  collection: string;
  permissions: Filter | null;
}

/**
 * Directus grants a row when any applicable policy's read permission matches it: the readable rows of a
 * collection are the OR of those filters, and a permission without a filter grants every row.
 */
export function combineReadFilters(permissions: readonly ReadPermission[]): Map<string, Filter | null> {
  const byCollection = new Map<string, Filter[] | null>();
  for (const { collection, permissions: filter } of permissions) {
    const seen = byCollection.get(collection);
    if (seen === null) continue;
    if (!filter || Object.keys(filter).length === 0) byCollection.set(collection, null);
    else byCollection.set(collection, [...(seen ?? []), filter]);
  }
  const combined = new Map<string, Filter | null>();
  for (const [collection, filters] of byCollection)
    combined.set(
      collection,
      filters === null ? null : filters.length === 1 ? (filters[0] ?? null) : { _or: filters },
    );
  return combined;
}
