import type { EndpointConfig } from '@directus/types';
import { GenerateArticleSchema, InsertLinksSchema, ScanDuplicatesSchema } from '@spark/contracts';
import { routeId } from '@spark/factory';
import { parseBody, producerRoute } from '../services/respond.js';
import { bundleServices, principalOf } from '../services/services.js';

/** The request bodies of the frontend's routes, with the id that this door takes from the path left out. */
const GenerateBody = GenerateArticleSchema.omit({ campaign_id: true });
const InsertLinksBody = InsertLinksSchema.omit({ campaign_id: true });
const ScanDuplicatesBody = ScanDuplicatesSchema.omit({ site_id: true });

/**
 * The content factory's producers as Directus endpoints (`/spark/...`), acting as the caller: the same use
 * cases, validation, statuses and error envelope as the frontend's `/api/seo/*` routes. Another site's
 * campaign, site or job is 404 and nothing is enqueued; a request without a user is 401.
 */
const sparkProducers: EndpointConfig = {
  id: 'spark',
  handler: (router, { env, logger }) => {
    const services = () => bundleServices(env, logger);

    router.post(
      '/campaigns/:id/generate',
      producerRoute(logger, async ({ req, accountability }) => {
        const { db, factory } = services();
        const principal = await principalOf(db, accountability);
        const campaignId = routeId(req.params.id, 'campaign');
        const body = parseBody(req, GenerateBody);
        return {
          status: 202,
          body: await factory.createGenerationJob(principal, { ...body, campaign_id: campaignId }),
        };
      }),
    );

    router.post(
      '/campaigns/:id/links',
      producerRoute(logger, async ({ req, accountability }) => {
        const { db, factory } = services();
        const principal = await principalOf(db, accountability);
        const campaignId = routeId(req.params.id, 'campaign');
        const body = parseBody(req, InsertLinksBody);
        return {
          status: 202,
          body: await factory.createInsertLinksJob(principal, { ...body, campaign_id: campaignId }),
        };
      }),
    );

    router.post(
      '/sites/:id/scan-duplicates',
      producerRoute(logger, async ({ req, accountability }) => {
        const { db, factory } = services();
        const principal = await principalOf(db, accountability);
        const siteId = routeId(req.params.id, 'site');
        const body = parseBody(req, ScanDuplicatesBody);
        return {
          status: 202,
          body: await factory.createScanDuplicatesJob(principal, { ...body, site_id: siteId }),
        };
      }),
    );

    router.post(
      '/jobs/:id/cancel',
      producerRoute(logger, async ({ req, accountability }) => {
        const { db, factory } = services();
        const principal = await principalOf(db, accountability);
        return {
          status: 200,
          body: await factory.cancelJob(principal, routeId(req.params.id, 'generation job')),
        };
      }),
    );
  },
};

export default sparkProducers;
