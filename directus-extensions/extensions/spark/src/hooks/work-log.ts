import type { EventContext, HookConfig } from '@directus/types';
import type { Knex } from 'knex';
import { ensureChangeCapture, rowsBefore } from '../changes/capture.js';
import { type Row, siteColumnOf } from '../changes/tenant.js';
import {
  createEntry,
  deleteEntry,
  insertEntries,
  updateEntry,
  type WorkLogEntry,
} from '../changes/work-log-entries.js';

type Meta = Record<string, unknown>;

const keysOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const asRow = (value: unknown): Row => (value && typeof value === 'object' ? (value as Row) : {});

async function storedRow(database: Knex, context: EventContext, collection: string, key: string) {
  const primary = context.schema?.collections[collection]?.primary ?? 'id';
  const row: Row | undefined = await database(collection).where(primary, key).first();
  return row;
}

/**
 * Every create/update/delete Directus performs on a tenant collection becomes a `work_log` row with the user, the
 * site and a compact diff. Runs after the change committed; a logging failure is reported, never thrown back.
 */
const workLogHook: HookConfig = ({ filter, action }, { database, logger }) => {
  ensureChangeCapture(filter, logger);

  const record = (event: string, build: (meta: Meta, context: EventContext) => Promise<WorkLogEntry[]>) =>
    action(event, (meta, context) => {
      const collection = String(meta.collection);
      if (!siteColumnOf(context.schema, collection)) return;
      build(meta, context)
        .then((entries) => insertEntries(database, entries))
        .catch((error: unknown) =>
          logger.error(error, `work log: could not record ${event} on ${collection}`),
        );
    });

  const inputOf = (meta: Meta, context: EventContext) => {
    const collection = String(meta.collection);
    return {
      collection,
      siteColumn: siteColumnOf(context.schema, collection) ?? 'site_id',
      userId: context.accountability?.user ?? null,
    };
  };

  record('items.create', async (meta, context) => {
    const input = inputOf(meta, context);
    const key = String(meta.key);
    const payload = asRow(meta.payload);
    const stored =
      input.siteColumn in payload ? undefined : await storedRow(database, context, input.collection, key);
    return [createEntry(input, key, payload, stored)];
  });

  record('items.update', async (meta, context) => {
    const input = inputOf(meta, context);
    const before = rowsBefore(meta.keys);
    return keysOf(meta.keys).map((key) => updateEntry(input, key, asRow(meta.payload), before?.get(key)));
  });

  record('items.delete', async (meta, context) => {
    const input = inputOf(meta, context);
    const before = rowsBefore(meta.keys);
    return keysOf(meta.keys).map((key) => deleteEntry(input, key, before?.get(key)));
  });
};

export default workLogHook;
