import { type Row, siteOfRow } from './tenant.js';

/** Changing any of these on a site changes which hosts resolve to it (or whether it is served at all). */
const HOST_FIELDS = ['domain', 'domain_aliases', 'status'];

export interface AffectedSites {
  /** `null` = cannot attribute to one site (shared library row or rows not captured): every site. */
  siteIds: (string | null)[];
  hostsChanged: boolean;
}

interface ChangeInput {
  event: 'create' | 'update' | 'delete';
  collection: string;
  siteColumn: string;
  keys: string[];
  payload: Row;
  /** Rows as they were (update/delete) or as stored after a create; keyed by primary key. */
  rows: Map<string, Row> | undefined;
}

/**
 * Which sites' caches a change touches. A row moved between sites touches both; a row whose site we cannot know
 * touches all of them — over-invalidating is cheap, serving stale content is not.
 */
export function affectedSites(change: ChangeInput): AffectedSites {
  const isSite = change.collection === 'sites';
  const hostsChanged =
    isSite && (change.event !== 'update' || HOST_FIELDS.some((field) => field in change.payload));
  if (isSite) return { siteIds: change.keys, hostsChanged };
  const siteIds = new Set<string | null>();
  const payloadSite = siteOfRow(change.payload, change.siteColumn);
  if (payloadSite !== undefined) siteIds.add(payloadSite);
  if (change.event !== 'create' || payloadSite === undefined) {
    for (const key of change.keys) {
      const site = siteOfRow(change.rows?.get(key), change.siteColumn);
      siteIds.add(site === undefined ? null : site);
    }
  }
  return { siteIds: [...siteIds], hostsChanged };
}
