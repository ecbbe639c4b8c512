import type { OperationApiConfig } from '@directus/types';
import { InsertLinksSchema } from '@spark/contracts';
import { bundleServices, principalOf } from '../services/services.js';
import { campaignIdsOf } from './campaign-keys.js';

/**
 * "Spark: insert links" in a Flow: internal linking of each campaign's articles, started by the flow's user
 * exactly as `POST /spark/campaigns/:id/links` would. The jobs started become the operation's result.
 */
const insertLinksOperation: OperationApiConfig = {
  id: 'spark-insert-links',
  handler: async (options, { accountability, data, env, logger }) => {
    const { db, factory } = bundleServices(env, logger);
    const principal = await principalOf(db, accountability);
    const jobs = [];
    for (const campaignId of campaignIdsOf(options.campaign, data)) {
      jobs.push(
        await factory.createInsertLinksJob(principal, InsertLinksSchema.parse({ campaign_id: campaignId })),
      );
    }
    return { jobs };
  },
};

export default insertLinksOperation;
