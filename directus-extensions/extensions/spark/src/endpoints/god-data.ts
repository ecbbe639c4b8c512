import type { EndpointConfig } from '@directus/types';
import { invalidateSites } from '../cache/invalidate.js';
import { sharedRedis } from '../cache/redis.js';
import { isSiteContent, siteColumnOf, siteOfRow } from '../changes/tenant.js';
import { bulkInsert } from '../data/bulk-insert.js';
import { bulkInsertRequestSchema } from '../data/bulk-request.js';
import { parseBody } from '../god/parse-body.js';
import { godHandler } from '../god/respond.js';

/**
 * Bulk writes bypass Directus's item services (and so its hooks) for speed; the caches of the sites the rows
 * belong to are invalidated here instead, after the transaction committed.
 */
const godData: EndpointConfig = {
  id: 'god/data',
  handler: (router, { database, env, getSchema, logger }) => {
    router.post(
      '/bulk-insert',
      godHandler(logger, async (req, res) => {
        const request = parseBody(bulkInsertRequestSchema, req.body, 'Bulk insert');
        const schema = await getSchema({ database });
        const result = await bulkInsert(database, schema, request);
        const siteColumn = siteColumnOf(schema, request.collection);
        const redis = sharedRedis(env, logger);
        if (redis && siteColumn && isSiteContent(request.collection)) {
          const rows = request.items as Record<string, unknown>[];
          const siteIds = [...new Set(rows.map((row) => siteOfRow(row, siteColumn) ?? null))];
          await invalidateSites(redis, database, {
            siteIds,
            collection: request.collection,
            hostsChanged: request.collection === 'sites',
          }).catch((error: unknown) => logger.error(error, 'bulk insert: caches not invalidated'));
        }
        res.status(200).json({ data: result });
      }),
    );
  },
};

export default godData;
