import type { Campaign } from '@spark/contracts';
import type { PoolClient } from 'pg';
import type { ReportTally } from './report.js';
import { findLibraryId, findPlaceId, findStateId } from './resolve.js';
import { jsonb, point, type SqlValue } from './sql.js';
import { upsertRow } from './upsert.js';

/** Location columns for a campaign; only the fields its location mode uses are set, the rest cleared. */
async function locationColumns(
  client: PoolClient,
  c: Campaign,
  path: string,
): Promise<Record<string, SqlValue>> {
  const loc = c.location;
  const stateId =
    loc.state_code === undefined
      ? null
      : await findStateId(client, loc.state_code, `${path}.location.state_code`);
  const inState = async (table: 'geo_counties' | 'geo_cities', name: string | undefined, field: string) =>
    stateId === null || name === undefined
      ? null
      : findPlaceId(client, table, stateId, name, `${path}.location.${field}`);
  const mode = c.location_mode;
  return {
    target_state_id: mode === 'state' || mode === 'county' || mode === 'city' ? stateId : null,
    target_county_id: mode === 'county' ? await inState('geo_counties', loc.county, 'county') : null,
    target_city_id: mode === 'city' ? await inState('geo_cities', loc.city, 'city') : null,
    radius_center: mode === 'radius' && loc.center ? point(loc.center.lng, loc.center.lat) : null,
    radius_km: mode === 'radius' ? (loc.radius_km ?? null) : null,
  };
}

/** Campaigns are keyed by (site, name); avatars and the template are looked up by name. */
export async function importCampaigns(
  client: PoolClient,
  siteId: string,
  campaigns: readonly Campaign[],
  tally: ReportTally,
): Promise<void> {
  for (const [i, c] of campaigns.entries()) {
    const path = `campaigns.${i}`;
    const avatarIds: string[] = [];
    for (const [j, name] of c.avatars.entries()) {
      avatarIds.push(
        await findLibraryId(client, 'avatar_intelligence', siteId, name, `${path}.avatars.${j}`),
      );
    }
    const templateId =
      c.template === undefined
        ? null
        : await findLibraryId(client, 'article_templates', siteId, c.template, `${path}.template`);
    await upsertRow(
      client,
      {
        table: 'campaign_masters',
        key: { site_id: siteId, name: c.name },
        values: {
          status: c.status,
          headline_spintax_root: c.headline_spintax_root,
          niche_variables: jsonb(c.niche_variables),
          location_mode: c.location_mode,
          ...(await locationColumns(client, c, path)),
          avatar_ids: avatarIds,
          template_id: templateId,
          target_word_count: c.target_word_count,
          velocity_mode: c.velocity.mode,
          velocity_per_day: c.velocity.per_day,
          velocity_ramp_to: c.velocity.ramp_to ?? null,
          velocity_ramp_days: c.velocity.ramp_days ?? null,
          weekend_throttle: c.velocity.weekend_factor,
          timezone: c.timezone,
        },
      },
      tally,
    );
  }
}
