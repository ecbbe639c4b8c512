import type { EventContext, HookConfig } from '@directus/types';
import { invalidateSites } from '../cache/invalidate.js';
import { sharedRedis } from '../cache/redis.js';
import { affectedSites } from '../changes/affected-sites.js';
import { ensureChangeCapture, rowsBefore } from '../changes/capture.js';
import { isSiteContent, type Row, siteColumnOf } from '../changes/tenant.js';
import { bundleServices } from '../services/services.js';

type Meta = Record<string, unknown>;
type Event = 'create' | 'update' | 'delete';

const asRow = (value: unknown): Row => (value && typeof value === 'object' ? (value as Row) : {});

/**
 * A change to anything a tenant website renders bumps that site's cache version in Redis and publishes an
 * invalidation, so every frontend instance drops what it holds.
 */
const cacheBustHook: HookConfig = ({ filter, action }, { database, env, logger }) => {
  ensureChangeCapture(filter, logger);

  async function rowsFor(event: Event, meta: Meta, context: EventContext, collection: string) {
    if (event !== 'create') return rowsBefore(meta.keys);
    // A create's site is in its payload unless a preset or default filled it: read the stored row then.
    const siteColumn = siteColumnOf(context.schema, collection) ?? 'site_id';
    if (siteColumn in asRow(meta.payload) || collection === 'sites') return undefined;
    const primary = context.schema?.collections[collection]?.primary ?? 'id';
    const row: Row | undefined = await database(collection).where(primary, String(meta.key)).first();
    return row ? new Map([[String(meta.key), row]]) : undefined;
  }

  for (const event of ['create', 'update', 'delete'] as const) {
    action(`items.${event}`, (meta, context) => {
      const collection = String(meta.collection);
      const siteColumn = siteColumnOf(context.schema, collection);
      const redis = sharedRedis(env, logger);
      if (!isSiteContent(collection) || !siteColumn || !redis) return;
      const keys = event === 'create' ? [String(meta.key)] : ((meta.keys as unknown[]) ?? []).map(String);
      rowsFor(event, meta, context, collection)
        .then((rows) => {
          const payload = event === 'delete' ? {} : asRow(meta.payload); // a delete's payload is its keys
          const sites = affectedSites({ event, collection, siteColumn, keys, payload, rows });
          // An article's own change is targeted: pages that do not show it stay cached.
          const articleIds = collection === 'generated_articles' ? keys : undefined;
          // ...and deletes the stored pre-rendered pages that show it (the store is read by the frontend).
          const renderStore = articleIds ? bundleServices(env, logger).db : undefined;
          return invalidateSites(
            redis,
            database,
            { collection, ...sites, ...(articleIds ? { articleIds } : {}) },
            renderStore,
          );
        })
        .catch((error: unknown) => logger.error(error, `cache bust: ${collection} ${event} not invalidated`));
    });
  }
};

export default cacheBustHook;
