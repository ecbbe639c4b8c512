import type { EndpointConfig } from '@directus/types';
import { invalidateSites } from '../cache/invalidate.js';
import { sharedRedis } from '../cache/redis.js';
import { godAccountability } from '../god/accountability.js';
import { godHandler } from '../god/respond.js';
import { readStatus } from '../status/status.js';

const godUtils: EndpointConfig = {
  id: 'god',
  handler: (router, { services, database, env, getSchema, logger }) => {
    const { UtilsService } = services;

    router.get(
      '/status',
      godHandler(logger, async (_req, res) => {
        const status = await readStatus(database, await getSchema({ database }), sharedRedis(env, logger));
        res.status(200).json({ data: status });
      }),
    );

    /**
     * Clears Directus's schema/system cache and its data cache, then moves every site's cache version on and
     * tells the frontends that hosts may have changed too — the "something is stale somewhere" button.
     */
    router.post(
      '/cache/flush',
      godHandler(logger, async (req, res) => {
        const schema = await getSchema({ database });
        await new UtilsService({ knex: database, schema, accountability: godAccountability(req) }).clearCache(
          {
            system: true,
          },
        );
        const redis = sharedRedis(env, logger);
        if (redis) {
          await invalidateSites(redis, database, { siteIds: [null], collection: '*', hostsChanged: true });
        }
        const sites = ((await database('sites').count({ count: '*' }).first())?.count ?? 0) as
          | number
          | string;
        res.status(200).json({
          data: { systemCache: 'cleared', dataCache: 'cleared', sitesInvalidated: redis ? Number(sites) : 0 },
        });
      }),
    );
  },
};

export default godUtils;
