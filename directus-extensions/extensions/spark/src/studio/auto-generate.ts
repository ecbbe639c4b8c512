import { writeWorkLog } from '@spark/db';
import type { Principal } from '@spark/factory';
import { producerErrorOf } from '../services/respond.js';
import type { BundleServices } from '../services/services.js';

interface Logger {
  warn(object: unknown, message?: string): void;
}

/**
 * Campaigns just set to `active` with `auto_generate` > 0 get a generation job of that many articles, made by
 * the user who activated them (their sites decide) through the API's own use case. The edit has already been
 * saved, so a refusal (no template, fewer headlines left) cannot be shown to the user: it goes to the work
 * log of the campaign's site, where the Studio shows it.
 */
export async function startAutoGeneration(
  services: BundleServices,
  caller: Principal,
  campaignIds: string[],
  logger: Logger,
): Promise<void> {
  if (campaignIds.length === 0) return;
  const { rows } = await services.db.query<{ id: string; site_id: string; auto_generate: number }>(
    `select id, site_id, auto_generate from campaign_masters
     where id = any($1::uuid[]) and status = 'active' and auto_generate > 0`,
    [campaignIds],
  );
  for (const campaign of rows) {
    try {
      await services.factory.createGenerationJob(caller, {
        campaign_id: campaign.id,
        count: campaign.auto_generate,
      });
    } catch (error) {
      const refusal = producerErrorOf(error);
      logger.warn(error, `auto generation of campaign ${campaign.id} refused`);
      await writeWorkLog(
        {
          action: 'campaign.auto_generate',
          entityType: 'campaign_masters',
          entityId: campaign.id,
          siteId: campaign.site_id,
          userId: caller.userId,
          level: 'warning',
          details: { count: campaign.auto_generate, refused: refusal.code, reason: refusal.message },
        },
        services.db,
      );
    }
  }
}
