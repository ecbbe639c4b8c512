import type { EventContext, HookConfig } from '@directus/types';
import { dropStaleHeadlines, type Principal } from '@spark/factory';
import { ensureChangeCapture, rowsBefore } from '../changes/capture.js';
import { bundleServices, principalOf } from '../services/services.js';
import { startAutoGeneration } from '../studio/auto-generate.js';
import { checkCreatedCampaign, checkUpdatedCampaigns } from '../studio/campaign-definition.js';
import { checkCreatedJob, startCreatedJob } from '../studio/generation-rows.js';
import { publishFromStudio } from '../studio/publish-article.js';

type Payload = Record<string, unknown>;

const keysOf = (meta: Record<string, unknown>): string[] =>
  Array.isArray(meta.keys) ? meta.keys.map(String) : meta.key === undefined ? [] : [String(meta.key)];

/**
 * The Data Studio as a door to the content factory, with the same rules as the API: a campaign's spintax and
 * variables are checked on save and a changed definition drops its stale headlines; activating a campaign
 * with `auto_generate` starts that many articles; a generation job created here is checked and enqueued;
 * publishing an article goes through the API's publish. Everything acts as the signed-in user (their sites
 * decide); writes without a user (internal services) pass through untouched, except the spintax check.
 */
const sparkStudioHook: HookConfig = ({ filter, action }, { env, logger }) => {
  ensureChangeCapture(filter, logger);
  const services = () => bundleServices(env, logger);
  const callerOf = async (context: EventContext): Promise<Principal | null> =>
    context.accountability?.user ? principalOf(services().db, context.accountability) : null;

  filter<Payload>('campaign_masters.items.create', async (payload, _meta, context) => {
    await checkCreatedCampaign(services().db, payload, await callerOf(context));
    return payload;
  });
  filter<Payload>('campaign_masters.items.update', async (payload, meta) => {
    await checkUpdatedCampaigns(services().db, keysOf(meta), payload);
    return payload;
  });
  action('campaign_masters.items.update', (meta, context) => {
    const keys = keysOf(meta);
    const payload = (meta.payload ?? {}) as Payload;
    const before = rowsBefore(meta.keys);
    (async () => {
      for (const key of keys) await dropStaleHeadlines(services().db, key, Object.keys(payload));
      const caller = await callerOf(context);
      const activated = keys.filter(
        (key) => payload.status === 'active' && before?.get(key)?.status !== 'active',
      );
      if (caller) await startAutoGeneration(services(), caller, activated, logger);
    })().catch((error: unknown) => logger.error(error, 'studio: campaign update follow-up failed'));
  });
  action('campaign_masters.items.create', (meta, context) => {
    const payload = (meta.payload ?? {}) as Payload;
    if (payload.status !== 'active') return;
    callerOf(context)
      .then((caller) => caller && startAutoGeneration(services(), caller, keysOf(meta), logger))
      .catch((error: unknown) => logger.error(error, 'studio: auto generation failed'));
  });

  filter<Payload>('generation_jobs.items.create', async (payload, _meta, context) => {
    const caller = await callerOf(context);
    if (!caller) return payload;
    return checkCreatedJob(services().db, services().factory, caller, payload);
  });
  action('generation_jobs.items.create', (meta, context) => {
    callerOf(context)
      .then(
        (caller) =>
          caller && startCreatedJob(services().factory, caller, String(meta.key), meta.payload as Payload),
      )
      .catch((error: unknown) =>
        logger.warn(error, `studio: generation job ${String(meta.key)} not started`),
      );
  });

  filter<Payload>('generated_articles.items.update', async (payload, meta, context) => {
    if (payload.status !== 'published') return payload;
    const caller = await callerOf(context);
    if (!caller) return payload;
    return publishFromStudio(services().db, services().factory, caller, keysOf(meta), payload);
  });
};

export default sparkStudioHook;
