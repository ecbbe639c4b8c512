import type { SchemaOverview } from '@directus/types';
import { SITE_CONTENT_COLLECTIONS } from '@spark/contracts';

/**
 * Where a collection's rows name their site: `sites` is the tenant itself (its primary key), every other tenant
 * collection has a `site_id` column. `work_log` is excluded (logging it would log the logging) and so is Directus.
 */
export function siteColumnOf(schema: SchemaOverview | null, collection: string): string | undefined {
  if (collection.startsWith('directus_') || collection === 'work_log') return undefined;
  const overview = schema?.collections[collection];
  if (!overview) return undefined;
  if (collection === 'sites') return overview.primary;
  return overview.fields.site_id ? 'site_id' : undefined;
}

export function isSiteContent(collection: string): boolean {
  return (SITE_CONTENT_COLLECTIONS as readonly string[]).includes(collection);
}

export type Row = Record<string, unknown>;

/** The site a row belongs to: a uuid string, null for shared-library rows, undefined when unknown. */
export function siteOfRow(row: Row | undefined, siteColumn: string): string | null | undefined {
  const value = row?.[siteColumn];
  if (value === null) return null;
  return typeof value === 'string' ? value : undefined;
}
