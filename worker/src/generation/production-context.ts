import {
  type BusinessFacts,
  type ContentFragment,
  type OfferBlock,
  offerBlockSource,
  parseSpintax,
  prepareFragments,
  type SpintaxDictionaries,
  SpintaxSyntaxError,
} from '@spark/core';
import { loadSpintaxDictionaries, type Pool } from '@spark/db';
import { z } from 'zod';

/** Everything a chunk needs to turn headlines into articles, loaded once per chunk and parsed once. */
export interface ProductionContext {
  jobId: string;
  siteId: string;
  campaignId: string;
  site: { name: string; url: string };
  /** The site's business facts (name, phone, service area, licence, contact page) for article variables. */
  business: BusinessFacts;
  slotTypes: string[];
  targetWordCount: number;
  nicheVariables: Record<string, string>;
  /** Fragments usable for an avatar: its own plus those written for any avatar (key '' = no avatar). */
  fragmentsFor(avatarId: string | null): ContentFragment[];
  offers: OfferBlock[];
  /** How often each fragment has been used, updated as articles are assembled (least-used first). */
  usage: Map<string, number>;
  /** The nearest places of each city seen so far, nearest first (rememberNearbyPlaces fills it per batch). */
  nearbyPlaces: Map<string, readonly string[]>;
  /** Slugs taken on the site, including this process's uncommitted ones (the database settles races). */
  takenSlugs: Set<string>;
  /** Library problems found while parsing, reported once with the chunk's result. */
  warnings: string[];
}

interface FragmentRow {
  id: string;
  fragment_type: string;
  avatar_id: string | null;
  body: string;
  usage_count: number;
}

interface OfferRow {
  id: string;
  avatar_id: string | null;
  headline: string;
  body: string;
  cta_label: string;
  cta_url: string;
}

/**
 * The settings articles quote. Settings are free-form JSON edited in Directus, so a value of the wrong
 * shape is ignored (its variable stays unbound and the quality gate names it) instead of failing the job.
 */
const optionalSetting = z.string().trim().min(1).max(300).optional().catch(undefined);
const BusinessSettingsSchema = z.object({
  phone: optionalSetting,
  service_area: optionalSetting,
  license: optionalSetting,
  contact_path: z
    .string()
    .regex(/^\/(?![/\\])[^\s"<>\\]*$/, 'a site-relative path')
    .optional()
    .catch(undefined),
});

export function businessFactsOf(siteName: string, settings: unknown): BusinessFacts {
  const parsed = BusinessSettingsSchema.safeParse(settings);
  const values = parsed.success ? parsed.data : {};
  return {
    name: siteName,
    phone: values.phone ?? null,
    serviceArea: values.service_area ?? null,
    license: values.license ?? null,
    contactPath: values.contact_path ?? null,
  };
}

/** Local names are served over http; anything else is assumed to be a real https site. */
export const siteUrl = (domain: string) =>
  `${domain === 'localhost' || domain.endsWith('.localhost') ? 'http' : 'https'}://${domain}`;

function parseOffers(rows: OfferRow[], dictionaries: SpintaxDictionaries, warnings: string[]): OfferBlock[] {
  const offers: OfferBlock[] = [];
  for (const row of rows) {
    const source = offerBlockSource(row);
    try {
      offers.push({ id: row.id, avatarId: row.avatar_id, body: parseSpintax(source, { dictionaries }) });
    } catch (error) {
      if (!(error instanceof SpintaxSyntaxError)) throw error;
      warnings.push(`offer block ${row.id} skipped: ${error.message}`);
    }
  }
  return offers;
}

export async function loadProductionContext(
  pool: Pool,
  job: { id: string; siteId: string; campaignId: string },
): Promise<ProductionContext> {
  const { rows: campaigns } = await pool.query<{
    site_name: string;
    domain: string;
    settings: unknown;
    fragment_types: unknown;
    target_word_count: number;
    niche_variables: Record<string, string>;
  }>(
    `select s.name as site_name, s.domain, s.settings, t.fragment_types, m.target_word_count, m.niche_variables
     from campaign_masters m join sites s on s.id = m.site_id
     left join article_templates t on t.id = m.template_id
     where m.id = $1 and m.site_id = $2`,
    [job.campaignId, job.siteId],
  );
  const campaign = campaigns[0];
  if (!campaign) throw new Error(`campaign ${job.campaignId} of site ${job.siteId} no longer exists`);
  const dictionaries = await loadSpintaxDictionaries(pool, job.siteId);
  const [fragmentRows, offerRows, slugRows] = await Promise.all([
    pool.query<FragmentRow>(
      `select id, fragment_type, avatar_id, body, usage_count from content_fragments
       where site_id = $1 or site_id is null`,
      [job.siteId],
    ),
    pool.query<OfferRow>(
      `select id, avatar_id, headline, body, cta_label, cta_url from offer_blocks
       where site_id = $1 or site_id is null`,
      [job.siteId],
    ),
    pool.query<{ slug: string }>('select slug from generated_articles where site_id = $1', [job.siteId]),
  ]);
  const warnings: string[] = [];
  const avatarOf = new Map(fragmentRows.rows.map((row) => [row.id, row.avatar_id]));
  const { fragments, errors } = prepareFragments(
    fragmentRows.rows.map((row) => ({
      id: row.id,
      type: row.fragment_type,
      body: row.body,
      usageCount: row.usage_count,
    })),
    dictionaries,
  );
  for (const { id, error } of errors) warnings.push(`fragment ${id} skipped: ${error.message}`);
  const byAvatar = new Map<string, ContentFragment[]>();
  const usage = new Map(fragments.map((fragment) => [fragment.id, fragment.usageCount]));
  return {
    jobId: job.id,
    siteId: job.siteId,
    campaignId: job.campaignId,
    site: { name: campaign.site_name, url: siteUrl(campaign.domain) },
    business: businessFactsOf(campaign.site_name, campaign.settings),
    slotTypes: Array.isArray(campaign.fragment_types)
      ? campaign.fragment_types.filter((t): t is string => typeof t === 'string')
      : [],
    targetWordCount: campaign.target_word_count,
    nicheVariables: campaign.niche_variables,
    fragmentsFor(avatarId) {
      const key = avatarId ?? '';
      let pool = byAvatar.get(key);
      if (!pool) {
        pool = fragments.filter((fragment) => {
          const owner = avatarOf.get(fragment.id) ?? null;
          return owner === null || owner === avatarId;
        });
        byAvatar.set(key, pool);
      }
      return pool;
    },
    offers: parseOffers(offerRows.rows, dictionaries, warnings),
    usage,
    nearbyPlaces: new Map(),
    takenSlugs: new Set(slugRows.rows.map((row) => row.slug)),
    warnings,
  };
}
