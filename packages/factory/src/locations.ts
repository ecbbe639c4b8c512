import type { LocationPage, LocationQuery, LocationRow } from '@spark/contracts';
import type { FactoryDeps } from './deps.js';
import { type Principal, resolveSiteScope } from './principal.js';

type Counted = LocationRow & { total: number };

/** Row columns every level shares; `count(*) over ()` gives the page's total in the same scan. */
const CITY_COLUMNS = `c.id, c.name, s.code as state_code, co.name as county, c.population,
  ST_Y(c.geom) as lat, ST_X(c.geom) as lng, null::int as cities, (count(*) over ())::int as total`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The national gazetteer, one level at a time: states (no filter), a state's counties, a county's cities, or
 * cities whose name starts with `q` (within a state when given). Every level is paginated and biggest-first where
 * a population exists; the prefix search uses the lower(name) pattern index, so it stays fast over every place.
 * The gazetteer is shared reference data, but the caller still names a site they belong to.
 */
export async function browseLocations(
  deps: FactoryDeps,
  principal: Principal,
  query: LocationQuery,
): Promise<LocationPage> {
  resolveSiteScope(principal, query.site_id);
  const offset = (query.page - 1) * query.limit;
  let level: LocationPage['level'];
  let sql: string;
  let params: unknown[];
  if (query.q) {
    level = 'city';
    sql = `select ${CITY_COLUMNS}
      from geo_cities c join geo_states s on s.id = c.state_id left join geo_counties co on co.id = c.county_id
      where lower(c.name) like lower($1) and ($2::uuid is null or c.state_id = $2)
      order by c.population desc nulls last, c.name, c.id limit $3 offset $4`;
    params = [`${escapeLike(query.q)}%`, query.state_id ?? null, query.limit, offset];
  } else if (query.county_id) {
    level = 'city';
    sql = `select ${CITY_COLUMNS}
      from geo_cities c join geo_states s on s.id = c.state_id left join geo_counties co on co.id = c.county_id
      where c.county_id = $1
      order by c.population desc nulls last, c.name, c.id limit $2 offset $3`;
    params = [query.county_id, query.limit, offset];
  } else if (query.state_id) {
    level = 'county';
    sql = `select co.id, co.name, s.code as state_code, null::text as county,
        (select sum(c.population)::int from geo_cities c where c.county_id = co.id) as population,
        null::float8 as lat, null::float8 as lng,
        (select count(*)::int from geo_cities c where c.county_id = co.id) as cities,
        (count(*) over ())::int as total
      from geo_counties co join geo_states s on s.id = co.state_id
      where co.state_id = $1
      order by co.name, co.id limit $2 offset $3`;
    params = [query.state_id, query.limit, offset];
  } else {
    level = 'state';
    sql = `select s.id, s.name, s.code as state_code, null::text as county,
        (select sum(c.population)::int from geo_cities c where c.state_id = s.id) as population,
        null::float8 as lat, null::float8 as lng,
        (select count(*)::int from geo_cities c where c.state_id = s.id) as cities,
        (count(*) over ())::int as total
      from geo_states s
      order by s.name, s.id limit $1 offset $2`;
    params = [query.limit, offset];
  }
  const { rows } = await deps.db.query<Counted>(sql, params);
  return {
    level,
    data: rows.map(({ total: _total, ...row }) => row),
    total: rows[0]?.total ?? (offset > 0 ? await countBeyondPage(deps, level, query) : 0),
    page: query.page,
    limit: query.limit,
  };
}

/** A page past the end has no row to carry the window count; count separately so the pager can step back. */
async function countBeyondPage(
  deps: FactoryDeps,
  level: LocationPage['level'],
  query: LocationQuery,
): Promise<number> {
  const [sql, params] = query.q
    ? [
        `select count(*)::int as n from geo_cities c
         where lower(c.name) like lower($1) and ($2::uuid is null or c.state_id = $2)`,
        [`${escapeLike(query.q)}%`, query.state_id ?? null],
      ]
    : level === 'city'
      ? ['select count(*)::int as n from geo_cities where county_id = $1', [query.county_id]]
      : level === 'county'
        ? ['select count(*)::int as n from geo_counties where state_id = $1', [query.state_id]]
        : ['select count(*)::int as n from geo_states', []];
  const { rows } = await deps.db.query<{ n: number }>(sql, params);
  return rows[0]?.n ?? 0;
}
