import { AppError, type GenerateHeadlinesRequest, type HeadlineDraft } from '@spark/contracts';
import { sampleVariantIndices, UnresolvedVariableError } from '@spark/core';
import { loadLibraryReach, type PoolClient, withTransaction, writeWorkLog } from '@spark/db';
import { type CampaignRow, loadVisibleCampaign } from './campaign-row.js';
import { type CampaignSpace, loadCampaignSpace, type SpaceItem } from './campaign-space.js';
import type { FactoryDeps } from './deps.js';
import { type Principal, resolveSiteScope } from './principal.js';

const INSERT_SLICE = 1000;

/** Beyond 2^53 a JSON number loses digits, so the exact count travels as a decimal string. */
export const exactCount = (n: bigint): number | string =>
  n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();

function renderHeadline(space: CampaignSpace, item: SpaceItem): string {
  try {
    return space.headlineOf(item);
  } catch (error) {
    if (!(error instanceof UnresolvedVariableError)) throw error;
    const place = item.location ? ` for ${item.location.city}, ${item.location.state_code}` : '';
    throw new AppError('VALIDATION_FAILED', `Headline variable {${error.variable}} has no value${place}`);
  }
}

/** Cities a preview names for the editor's map: the biggest ones; the count above is always exact. */
const MAP_CITIES = 300;

/** Samples of a draft are seeded by this unless the caller sends a seed: the same text shows the same samples. */
const DRAFT_SEED = 'draft';

/** An unsaved campaign as a row, so the preview runs the very code generation will run. */
function draftRow(siteId: string, draft: HeadlineDraft): CampaignRow {
  const { location } = draft;
  return {
    id: '00000000-0000-0000-0000-000000000000',
    site_id: siteId,
    name: 'draft',
    status: 'draft',
    headline_spintax_root: draft.headline_spintax_root,
    niche_variables: draft.niche_variables,
    location_mode: draft.location_mode,
    target_state_id: location.state_id ?? null,
    target_county_id: location.county_id ?? null,
    target_city_id: location.city_id ?? null,
    center_lat: location.center?.lat ?? null,
    center_lng: location.center?.lng ?? null,
    radius_km: location.radius_km == null ? null : String(location.radius_km),
    avatar_ids: draft.avatar_ids,
    template_id: draft.template_id ?? null,
    target_word_count: draft.target_word_count ?? 1500,
    velocity_mode: 'steady',
    velocity_per_day: 10,
    velocity_ramp_to: null,
    velocity_ramp_days: null,
    weekend_throttle: '1',
    timezone: 'UTC',
    date_created: new Date(0),
    date_updated: null,
    center_city: null,
  };
}

async function previewCampaign(deps: FactoryDeps, principal: Principal, request: GenerateHeadlinesRequest) {
  if (request.draft) {
    const siteId = resolveSiteScope(principal, request.draft.site_id);
    return { campaign: draftRow(siteId, request.draft), seed: request.seed ?? DRAFT_SEED };
  }
  const campaign = await loadVisibleCampaign(deps.db, principal, request.campaign_id ?? '');
  return { campaign, seed: request.seed ?? campaign.id };
}

/** Exact size of the space and `limit` seeded samples, of a saved campaign or of a draft; writes nothing. */
export async function previewHeadlines(
  deps: FactoryDeps,
  principal: Principal,
  request: GenerateHeadlinesRequest,
) {
  const { campaign, seed } = await previewCampaign(deps, principal, request);
  const space = await loadCampaignSpace(deps.db, campaign, deps.now());
  const indices = sampleVariantIndices(space.space.total, request.limit ?? 10, seed);
  return {
    // How long the template's articles can be with the library, and a warning when that is short of the target.
    library: await loadLibraryReach(deps.db, campaign, space.library),
    total: exactCount(space.space.total),
    locations: space.locations.length,
    cities: space.locations.slice(0, MAP_CITIES).map((c) => ({
      name: c.city,
      state_code: c.state_code,
      lat: c.lat,
      lng: c.lng,
    })),
    patterns: space.patterns.map((p) => ({ id: p.id, line: p.line, variants: exactCount(p.variantCount) })),
    samples: indices.map((index) => {
      const item = space.space.itemAt(index);
      return {
        index: exactCount(index),
        headline: renderHeadline(space, item),
        city: item.location?.city ?? null,
        state_code: item.location?.state_code ?? null,
        avatar: item.avatar?.name ?? null,
        variant_key: item.generationKey,
      };
    }),
  };
}

/**
 * Adds up to `wanted` headlines the inventory does not hold yet, in the space's order. The scan starts
 * where an inventory filled in order would end and wraps around, so existing rows are mostly skipped
 * without being rendered; `on conflict do nothing` skips the rest. With `claimFor`, the new rows are
 * born reserved for that generation job (one write per row instead of insert + update).
 */
export async function fillInventory(
  client: PoolClient,
  campaign: CampaignRow,
  space: CampaignSpace,
  wanted: number,
  claimFor: string | null = null,
): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    'select count(*) as n from headline_inventory where campaign_id = $1',
    [campaign.id],
  );
  const total = space.space.total;
  const start = BigInt(rows[0]?.n ?? '0') % (total === 0n ? 1n : total);
  let inserted = 0;
  let scanned = 0n;
  while (inserted < wanted && scanned < total) {
    const slice: SpaceItem[] = [];
    const take = BigInt(Math.min(INSERT_SLICE, wanted - inserted));
    for (let i = 0n; i < take && scanned < total; i += 1n, scanned += 1n) {
      slice.push(space.space.itemAt((start + scanned) % total));
    }
    const result = await client.query(
      `insert into headline_inventory (site_id, campaign_id, text, spintax_index, variant_key, state_id, county_id,
                                       city_id, avatar_id, status, claimed_by_job, claimed_at)
       select $1, $2, t.*, case when $10::uuid is null then 'available' else 'claimed' end, $10::uuid,
              case when $10::uuid is null then null else now() end
       from unnest($3::text[], $4::numeric[], $5::text[], $6::uuid[], $7::uuid[], $8::uuid[], $9::uuid[]) as t
       on conflict (campaign_id, variant_key) do nothing`,
      [
        campaign.site_id,
        campaign.id,
        slice.map((item) => renderHeadline(space, item)),
        slice.map((item) => item.variantIndex.toString()),
        slice.map((item) => item.generationKey),
        slice.map((item) => item.location?.state_id ?? null),
        slice.map((item) => item.location?.county_id ?? null),
        slice.map((item) => item.location?.id ?? null),
        slice.map((item) => item.avatar?.id ?? null),
        claimFor,
      ],
    );
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

/** Persists up to `limit` new headlines (default 1000) and reports what the inventory now holds. */
export async function persistHeadlines(
  deps: FactoryDeps,
  principal: Principal,
  request: GenerateHeadlinesRequest,
) {
  return withTransaction(deps.db, async (client) => {
    const campaign = await loadVisibleCampaign(client, principal, request.campaign_id ?? '', true);
    const space = await loadCampaignSpace(client, campaign, deps.now());
    const inserted = await fillInventory(client, campaign, space, request.limit ?? 1000);
    const { rows } = await client.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from headline_inventory where campaign_id = $1 group by status`,
      [campaign.id],
    );
    const inventory = { available: 0, claimed: 0, used: 0 };
    for (const row of rows) inventory[row.status as keyof typeof inventory] = row.n;
    await writeWorkLog(
      {
        action: 'headlines.generate',
        entityType: 'campaign_masters',
        entityId: campaign.id,
        siteId: campaign.site_id,
        userId: principal.userId,
        details: { inserted, requested: request.limit ?? 1000 },
      },
      client,
    );
    return { total: exactCount(space.space.total), inserted, inventory };
  });
}
