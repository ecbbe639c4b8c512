import { AppError } from '@spark/contracts';
import type { Pool, PoolClient } from '@spark/db';
import { canAccessSite, type Principal } from './principal.js';

/** A campaign_masters row as the factory reads it; the PostGIS centre comes back as lat/lng. */
export interface CampaignRow {
  id: string;
  site_id: string;
  name: string;
  status: 'draft' | 'active' | 'paused' | 'completed';
  headline_spintax_root: string;
  niche_variables: Record<string, string>;
  location_mode: 'none' | 'state' | 'county' | 'city' | 'radius';
  target_state_id: string | null;
  target_county_id: string | null;
  target_city_id: string | null;
  center_lat: number | null;
  center_lng: number | null;
  radius_km: string | null;
  avatar_ids: string[];
  template_id: string | null;
  target_word_count: number;
  velocity_mode: 'steady' | 'ramp_up';
  velocity_per_day: number;
  velocity_ramp_to: number | null;
  velocity_ramp_days: number | null;
  weekend_throttle: string;
  timezone: string;
  date_created: Date;
  date_updated: Date | null;
  /** "Dallas, TX": the city at a radius campaign's centre, if one is within CENTER_CITY_WITHIN_M. */
  center_city: string | null;
}

/**
 * A radius campaign stores only its centre point (the API takes any point). The editor picks the centre from
 * a city, so the city at that point names it again when the campaign is reopened; a point no city is near
 * has no name.
 */
const CENTER_CITY_WITHIN_M = 2000;

export const CAMPAIGN_COLUMNS = `id, site_id, name, status, headline_spintax_root, niche_variables, location_mode,
  target_state_id, target_county_id, target_city_id,
  ST_Y(radius_center) as center_lat, ST_X(radius_center) as center_lng, radius_km,
  avatar_ids, template_id, target_word_count, velocity_mode, velocity_per_day, velocity_ramp_to,
  velocity_ramp_days, weekend_throttle, timezone, date_created, date_updated,
  (select c.name || ', ' || s.code from geo_cities c join geo_states s on s.id = c.state_id
   where radius_center is not null and ST_DWithin(c.geom::geography, radius_center::geography, ${CENTER_CITY_WITHIN_M})
   order by c.geom <-> radius_center limit 1) as center_city`;

/** The API's shape of a campaign: the same fields the create/patch bodies take. */
export function campaignView(row: CampaignRow) {
  return {
    id: row.id,
    site_id: row.site_id,
    name: row.name,
    status: row.status,
    headline_spintax_root: row.headline_spintax_root,
    niche_variables: row.niche_variables,
    location_mode: row.location_mode,
    location: {
      state_id: row.target_state_id,
      county_id: row.target_county_id,
      city_id: row.target_city_id,
      center:
        row.center_lat === null || row.center_lng === null
          ? null
          : { lat: row.center_lat, lng: row.center_lng },
      radius_km: row.radius_km === null ? null : Number(row.radius_km),
    },
    center_city: row.center_city,
    avatar_ids: row.avatar_ids,
    template_id: row.template_id,
    target_word_count: row.target_word_count,
    velocity: {
      mode: row.velocity_mode,
      per_day: row.velocity_per_day,
      ramp_to: row.velocity_ramp_to ?? undefined,
      ramp_days: row.velocity_ramp_days ?? undefined,
      weekend_factor: Number(row.weekend_throttle),
    },
    timezone: row.timezone,
    date_created: row.date_created.toISOString(),
    date_updated: row.date_updated?.toISOString() ?? null,
  };
}

export type CampaignView = ReturnType<typeof campaignView>;

/**
 * The campaign if the caller may see it. Another tenant's campaign is NOT_FOUND, exactly like a missing
 * one, so ids of other sites are never confirmed. `lock` takes a row lock: generation requests for one
 * campaign then queue up instead of racing for the same headlines.
 */
export async function loadVisibleCampaign(
  client: Pool | PoolClient,
  principal: Principal,
  campaignId: string,
  lock = false,
): Promise<CampaignRow> {
  const { rows } = await client.query<CampaignRow>(
    `select ${CAMPAIGN_COLUMNS} from campaign_masters where id = $1${lock ? ' for update' : ''}`,
    [campaignId],
  );
  const row = rows[0];
  if (!row || !canAccessSite(principal, row.site_id)) {
    throw new AppError('NOT_FOUND', `No campaign ${campaignId} is visible to you`);
  }
  return row;
}
