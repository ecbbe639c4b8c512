import type { Knex } from 'knex';
import { type ChangeDiff, createDiff, deleteDiff, updateDiff } from './diff.js';
import { type Row, siteOfRow } from './tenant.js';

export interface WorkLogEntry {
  site_id: string | null;
  action: 'create' | 'update' | 'delete';
  entity_type: string;
  entity_id: string;
  level: 'info';
  user_id: string | null;
  details: { changes: ChangeDiff };
}

interface EntryInput {
  collection: string;
  siteColumn: string;
  userId: string | null;
}

/** `sites` rows are their own tenant; every other row names it in `site_id`. */
function siteFor(input: EntryInput, key: string, ...rows: (Row | undefined)[]): string | null {
  if (input.collection === 'sites') return key;
  for (const row of rows) {
    const site = siteOfRow(row, input.siteColumn);
    if (site !== undefined) return site;
  }
  return null;
}

export function createEntry(input: EntryInput, key: string, payload: Row, stored?: Row): WorkLogEntry {
  return {
    site_id: siteFor(input, key, payload, stored),
    action: 'create',
    entity_type: input.collection,
    entity_id: key,
    level: 'info',
    user_id: input.userId,
    details: { changes: createDiff(payload, input.collection) },
  };
}

export function updateEntry(input: EntryInput, key: string, payload: Row, before?: Row): WorkLogEntry {
  return {
    site_id: siteFor(input, key, payload, before),
    action: 'update',
    entity_type: input.collection,
    entity_id: key,
    level: 'info',
    user_id: input.userId,
    details: { changes: updateDiff(before, payload, input.collection) },
  };
}

export function deleteEntry(input: EntryInput, key: string, before?: Row): WorkLogEntry {
  // work_log.site_id has no foreign key, so the record of a site's deletion stays attributed to that site.
  return {
    site_id: siteFor(input, key, before),
    action: 'delete',
    entity_type: input.collection,
    entity_id: key,
    level: 'info',
    user_id: input.userId,
    details: { changes: deleteDiff(before, input.collection) },
  };
}

/**
 * Plain knex, not ItemsService: a service write would emit items.create on work_log and come back through the
 * hooks. work_log.site_id has no foreign key, so an entry for a site deleted meanwhile is still written, attributed.
 */
export async function insertEntries(database: Knex, entries: WorkLogEntry[]): Promise<void> {
  const rows = entries.map((entry) => ({ ...entry, details: JSON.stringify(entry.details) }));
  for (let start = 0; start < rows.length; start += 500) {
    await database('work_log').insert(rows.slice(start, start + 500));
  }
}
