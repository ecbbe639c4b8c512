import type { OperationApiConfig } from '@directus/types';
import { GenerateArticleSchema, validationError } from '@spark/contracts';
import { z } from 'zod';
import { bundleServices, principalOf } from '../services/services.js';
import { campaignIdsOf } from './campaign-keys.js';

const OptionsSchema = z.object({
  campaign: z.unknown().optional(),
  count: z.coerce.number().pipe(GenerateArticleSchema.shape.count),
});

/**
 * "Spark: generate articles" in a Flow: one generation job per campaign, created by the flow's user exactly as
 * `POST /spark/campaigns/:id/generate` would (their sites decide; a flow without a user is refused). The jobs
 * started become the operation's result (`$last`).
 */
const generateArticlesOperation: OperationApiConfig = {
  id: 'spark-generate-articles',
  handler: async (options, { accountability, data, env, logger }) => {
    const parsed = OptionsSchema.safeParse(options);
    if (!parsed.success) throw validationError(parsed.error, 'Operation options');
    const { db, factory } = bundleServices(env, logger);
    const principal = await principalOf(db, accountability);
    const jobs = [];
    for (const campaignId of campaignIdsOf(parsed.data.campaign, data)) {
      jobs.push(
        await factory.createGenerationJob(principal, { campaign_id: campaignId, count: parsed.data.count }),
      );
    }
    return { jobs };
  },
};

export default generateArticlesOperation;
