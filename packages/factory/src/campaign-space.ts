import { AppError } from '@spark/contracts';
import {
  buildArticleBindings,
  type CartesianItem,
  type CartesianSpace,
  createCartesianSpace,
  listVariables,
  unrankVariant,
} from '@spark/core';
import {
  loadSpintaxDictionaries,
  loadTemplateLibrary,
  type Pool,
  type PoolClient,
  type TemplateLibrary,
} from '@spark/db';
import { assertPlaceVariablesFillable } from './article-texts.js';
import type { CampaignRow } from './campaign-row.js';
import { type HeadlinePattern, requireValidHeadlines } from './headline-patterns.js';

export interface SpaceLocation {
  id: string;
  city: string;
  county: string | null;
  state: string;
  state_code: string;
  state_id: string;
  county_id: string | null;
  lat: number | null;
  lng: number | null;
}

export interface SpaceAvatar {
  id: string;
  name: string;
}

export type SpaceItem = CartesianItem<SpaceLocation, SpaceAvatar, { id: string }>;

export interface CampaignSpace {
  space: CartesianSpace<SpaceLocation, SpaceAvatar, { id: string }>;
  patterns: HeadlinePattern[];
  /** The cities the location target covers, biggest first (empty without one). */
  locations: SpaceLocation[];
  /** The template's fragments the articles can use (null without a template): loaded once per space. */
  library: TemplateLibrary | null;
  /** The item's headline, variables bound; throws if one is unbound (checked up front, so it cannot). */
  headlineOf(item: SpaceItem): string;
}

type LocatedMode = Exclude<CampaignRow['location_mode'], 'none'>;

// Cities a location mode targets: the articles are city pages; state and county modes fan out to cities. The
// target comes from the row's fields, not from the table, so a draft that was never saved has a space too.
const LOCATION_FILTER: Record<LocatedMode, { sql: string; params: (c: CampaignRow) => unknown[] }> = {
  state: { sql: 'c.state_id = $1', params: (c) => [c.target_state_id] },
  county: { sql: 'c.county_id = $1', params: (c) => [c.target_county_id] },
  city: { sql: 'c.id = $1', params: (c) => [c.target_city_id] },
  radius: {
    sql: 'ST_DWithin(c.geom::geography, ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)::geography, $3::float8 * 1000)',
    params: (c) => [c.center_lng, c.center_lat, c.radius_km],
  },
};

async function loadLocations(client: Pool | PoolClient, campaign: CampaignRow): Promise<SpaceLocation[]> {
  if (campaign.location_mode === 'none') return [];
  const filter = LOCATION_FILTER[campaign.location_mode];
  const { rows } = await client.query<SpaceLocation>(
    `select c.id, c.name as city, co.name as county, s.name as state, s.code as state_code,
            c.state_id, c.county_id, ST_Y(c.geom) as lat, ST_X(c.geom) as lng
     from geo_cities c
     join geo_states s on s.id = c.state_id
     left join geo_counties co on co.id = c.county_id
     where ${filter.sql}
     order by c.population desc nulls last, c.name, c.id`,
    filter.params(campaign),
  );
  return rows;
}

async function loadAvatars(client: Pool | PoolClient, campaign: CampaignRow): Promise<SpaceAvatar[]> {
  if (campaign.avatar_ids.length === 0) return [];
  const { rows } = await client.query<SpaceAvatar>(
    `select id, name from avatar_intelligence
     where id = any($1::uuid[]) and (site_id = $2 or site_id is null)
     order by array_position($1::uuid[], id)`,
    [campaign.avatar_ids, campaign.site_id],
  );
  return rows;
}

/** Avatar and niche variables the space cannot bind: a 422 naming them (place variables: assertPlaceVariablesFillable). */
function assertBindable(campaign: CampaignRow, patterns: HeadlinePattern[], avatars: SpaceAvatar[]): void {
  const niche = new Set(Object.keys(campaign.niche_variables).map((name) => name.toLowerCase()));
  const missing = new Set<string>();
  for (const pattern of patterns) {
    for (const name of listVariables(pattern.template)) {
      if (name === 'avatar_name' && avatars.length === 0) missing.add('{avatar_name} needs avatar_ids');
      if (name === 'niche' && !niche.has('niche')) missing.add('{niche} needs niche_variables.Niche');
    }
  }
  if (missing.size > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The headlines use variables this campaign cannot fill: ${[...missing].join('; ')}`,
    );
  }
}

/** The campaign's headline space (patterns × cities × avatars), its size known before anything is made. */
export async function loadCampaignSpace(
  client: Pool | PoolClient,
  campaign: CampaignRow,
  now: Date,
): Promise<CampaignSpace> {
  const dictionaries = await loadSpintaxDictionaries(client, campaign.site_id);
  const patterns = requireValidHeadlines(
    campaign.headline_spintax_root,
    campaign.niche_variables,
    dictionaries,
  );
  const [locations, avatars, library] = await Promise.all([
    loadLocations(client, campaign),
    loadAvatars(client, campaign),
    loadTemplateLibrary(client, campaign),
  ]);
  if (campaign.location_mode !== 'none' && locations.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The campaign's ${campaign.location_mode} target contains no cities`,
    );
  }
  assertBindable(campaign, patterns, avatars);
  assertPlaceVariablesFillable(
    [...patterns.map((pattern) => pattern.template), ...(library?.fragments ?? []).map((f) => f.body)],
    campaign.location_mode,
    locations.filter((location) => location.county === null).length,
  );
  const space = createCartesianSpace<SpaceLocation, SpaceAvatar, { id: string }>({
    campaignId: campaign.id,
    patterns: patterns.map((p) => ({ id: p.id, variantCount: p.variantCount })),
    locations: campaign.location_mode === 'none' ? undefined : locations,
    avatars: avatars.length === 0 ? undefined : avatars,
  });
  const nicheVariables = campaign.niche_variables;
  const nicheName = Object.keys(nicheVariables).find((name) => name.toLowerCase() === 'niche');
  const headlineOf = (item: SpaceItem): string => {
    const pattern = patterns[item.patternIndex] as HeadlinePattern;
    const bindings = buildArticleBindings({
      location: item.location && {
        city: item.location.city,
        county: item.location.county,
        state: item.location.state,
        stateCode: item.location.state_code,
      },
      avatarName: item.avatar?.name ?? null,
      niche: nicheName === undefined ? null : nicheVariables[nicheName],
      nicheVariables,
      now,
    });
    return unrankVariant(pattern.template, item.variantIndex, bindings).replace(/\s+/g, ' ').trim();
  };
  return { space, patterns, locations, library, headlineOf };
}
