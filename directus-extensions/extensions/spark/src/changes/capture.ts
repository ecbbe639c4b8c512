import type { EventContext, RegisterFunctions } from '@directus/types';
import { type Row, siteColumnOf } from './tenant.js';

type Logger = { warn: (object: unknown, message?: string) => void };

/**
 * Rows as they were before an update or delete, keyed by the `keys` array Directus passes to both the filter and
 * the matching action (it is the same array object), so concurrent requests never see each other's rows and
 * nothing has to be cleaned up: the entry goes when Directus drops the array.
 */
const capturedBefore = new WeakMap<object, Map<string, Row>>();

let registered = false;

export function rowsBefore(keys: unknown): Map<string, Row> | undefined {
  return typeof keys === 'object' && keys !== null ? capturedBefore.get(keys) : undefined;
}

async function readRows(
  context: EventContext,
  collection: string,
  keys: (string | number)[],
  columns: string[] | '*',
): Promise<Map<string, Row>> {
  const primary = context.schema?.collections[collection]?.primary ?? 'id';
  const rows: Row[] = await context.database(collection).select(columns).whereIn(primary, keys);
  return new Map(rows.map((row) => [String(row[primary]), row]));
}

/**
 * Registers (once per process, whichever hook asks first) the filters that read the affected rows before Directus
 * changes them: the work log needs old values for its diff, the cache bust needs the site a deleted row was in.
 * A failure here must not block the edit, so it is logged and the change goes ahead without old values.
 */
export function ensureChangeCapture(filter: RegisterFunctions['filter'], logger: Logger): void {
  if (registered) return;
  registered = true;

  filter<Row>('items.update', async (payload, meta, context) => {
    const collection = String(meta.collection);
    const siteColumn = siteColumnOf(context.schema, collection);
    if (!siteColumn || !Array.isArray(meta.keys)) return payload;
    const fields = context.schema?.collections[collection]?.fields ?? {};
    const primary = context.schema?.collections[collection]?.primary ?? 'id';
    const columns = [...new Set([primary, siteColumn, ...Object.keys(payload)])].filter(
      (name) => fields[name] && !fields[name]?.alias,
    );
    try {
      capturedBefore.set(meta.keys, await readRows(context, collection, meta.keys, columns));
    } catch (error) {
      logger.warn(error, `could not read ${collection} rows before update`);
    }
    return payload;
  });

  filter<(string | number)[]>('items.delete', async (keys, meta, context) => {
    const collection = String(meta.collection);
    if (!siteColumnOf(context.schema, collection) || !Array.isArray(keys)) return keys;
    try {
      capturedBefore.set(keys, await readRows(context, collection, keys, '*'));
    } catch (error) {
      logger.warn(error, `could not read ${collection} rows before delete`);
    }
    return keys;
  });
}
