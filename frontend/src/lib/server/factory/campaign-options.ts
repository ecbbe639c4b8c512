import type { CampaignOptions, Place } from '@spark/contracts';
import { z } from 'zod';
import { type Principal, resolveSiteScope } from '../auth/principal.js';
import { database } from '../connections.js';

export const PlaceQuerySchema = z
  .object({
    site_id: z.string().uuid().optional(),
    kind: z.enum(['county', 'city']),
    q: z.string().trim().max(80).default(''),
    state_id: z.string().uuid().optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

/** What a campaign of the site may use: its own and the shared library's avatars and templates, and the states. */
export async function campaignOptions(
  principal: Principal,
  siteId: string | undefined,
): Promise<CampaignOptions> {
  const site = resolveSiteScope(principal, siteId);
  const [avatars, templates, states, fragments] = await Promise.all([
    database().query<{ id: string; name: string }>(
      'select id, name from avatar_intelligence where site_id = $1 or site_id is null order by name, id',
      [site],
    ),
    database().query<{ id: string; name: string; fragment_types: string[] }>(
      `select id, name, fragment_types from article_templates where site_id = $1 or site_id is null
       order by name, id`,
      [site],
    ),
    database().query<{ id: string; name: string; code: string }>(
      'select id, name, code from geo_states order by name',
    ),
    database().query<{ fragment_type: string; n: number }>(
      `select fragment_type, count(*)::int as n from content_fragments where site_id = $1 or site_id is null
       group by fragment_type`,
      [site],
    ),
  ]);
  return {
    avatars: avatars.rows,
    templates: templates.rows,
    states: states.rows,
    fragment_counts: Object.fromEntries(fragments.rows.map((row) => [row.fragment_type, row.n])),
  };
}

/** Counties or cities whose name starts with `q` (case-insensitive), biggest first; the gazetteer is shared. */
export async function searchPlaces(
  principal: Principal,
  query: z.infer<typeof PlaceQuerySchema>,
): Promise<Place[]> {
  resolveSiteScope(principal, query.site_id);
  const pattern = `${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const sql =
    query.kind === 'city'
      ? `select c.id, 'city' as kind, c.name, s.code as state_code, ST_Y(c.geom) as lat, ST_X(c.geom) as lng
         from geo_cities c join geo_states s on s.id = c.state_id
         where lower(c.name) like lower($1) and ($2::uuid is null or c.state_id = $2)
         order by c.population desc nulls last, c.name limit $3`
      : `select co.id, 'county' as kind, co.name, s.code as state_code, null::float8 as lat, null::float8 as lng
         from geo_counties co join geo_states s on s.id = co.state_id
         where lower(co.name) like lower($1) and ($2::uuid is null or co.state_id = $2)
         order by co.name limit $3`;
  const { rows } = await database().query<Place>(sql, [pattern, query.state_id ?? null, query.limit]);
  return rows;
}
