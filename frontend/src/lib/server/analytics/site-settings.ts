import { z } from 'zod';
import { database } from '../connections.js';
import { onInvalidation } from '../tenancy/invalidation.js';

/** `sites.settings.analytics`: what a site decided about its visitors' tracking. */
const analyticsSettingsSchema = z
  .object({
    /** Honour Do-Not-Track and Global Privacy Control: such visitors are not tracked at all. */
    respect_dnt: z.boolean().default(false),
  })
  .passthrough();

export interface SiteAnalyticsSettings {
  respectDnt: boolean;
}

const TTL_MS = 60_000;
const cache = new Map<string, { value: SiteAnalyticsSettings; expiresAt: number }>();
let subscribed = false;

/** Cached per process (the tracking hot path reads it on every call); dropped when a site changes. */
export async function siteAnalyticsSettings(siteId: string): Promise<SiteAnalyticsSettings> {
  if (!subscribed) {
    subscribed = true;
    onInvalidation((message) => {
      if (message.collection === 'sites' || message.siteId === null) cache.clear();
    });
  }
  const hit = cache.get(siteId);
  if (hit && hit.expiresAt > Date.now()) return hit.value;
  const { rows } = await database().query<{ analytics: unknown }>(
    `select settings -> 'analytics' as analytics from sites where id = $1`,
    [siteId],
  );
  // A malformed setting falls back to the defaults rather than breaking tracking for the whole site.
  const parsed = analyticsSettingsSchema.safeParse(rows[0]?.analytics ?? {});
  const value = { respectDnt: parsed.success ? parsed.data.respect_dnt : false };
  cache.set(siteId, { value, expiresAt: Date.now() + TTL_MS });
  return value;
}
