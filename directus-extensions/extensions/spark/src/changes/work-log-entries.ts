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
  details: { changes: ChangeDiff; site?: string };
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
    details: { changes: createDiff(payload) },
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
    details: { changes: updateDiff(before, payload) },
  };
}

export function deleteEntry(input: EntryInput, key: string, before?: Row): WorkLogEntry {
  // A deleted site can no longer be referenced (work_log.site_id is a foreign key): keep its id in details.
  const deletedSite = input.collection === 'sites';
  return {
    site_id: deletedSite ? null : siteFor(input, key, before),
    action: 'delete',
    entity_type: input.collection,
    entity_id: key,
    level: 'info',
    user_id: input.userId,
    details: { changes: deleteDiff(before), ...(deletedSite ? { site: key } : {}) },
  };
}

/**
 * Plain knex, not ItemsService: a service write would emit items.create on work_log and come back through the
 * hooks. A site deleted between the change and this insert would fail the foreign key, so that case retries
 * without the site rather than losing the entries.
 */
export async function insertEntries(database: Knex, entries: WorkLogEntry[]): Promise<void> {
  const rows = entries.map((entry) => ({ ...entry, details: JSON.stringify(entry.details) }));
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    try {
      await database('work_log').insert(chunk);
    } catch (error) {
      if ((error as { code?: string }).code !== '23503') throw error;
      await database('work_log').insert(chunk.map((row) => ({ ...row, site_id: null })));
    }
  }
}
