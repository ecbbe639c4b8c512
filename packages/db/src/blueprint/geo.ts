import type { Geo } from '@spark/contracts';
import type { PoolClient } from 'pg';
import type { ReportTally } from './report.js';
import { findStateId } from './resolve.js';
import { point } from './sql.js';
import { upsertRow } from './upsert.js';

/**
 * Geo rows are global reference data (no site_id). Natural keys: states by code, counties and
 * cities by (state, name). A county's FIPS code is only written when the blueprint gives one, so
 * a blueprint without codes does not erase codes loaded from elsewhere. A city that the national gazetteer
 * import owns (it has a GeoNames id) keeps the gazetteer's county, population and position; the blueprint only
 * adds its zip codes, so loading blueprints and the gazetteer in turn converges instead of flipping rows back.
 */
export async function importGeo(client: PoolClient, geo: Geo, tally: ReportTally): Promise<void> {
  const stateIds = new Map<string, string>();
  for (const state of geo.states) {
    const { id } = await upsertRow(
      client,
      { table: 'geo_states', key: { code: state.code }, values: { name: state.name } },
      tally,
    );
    stateIds.set(state.code, id);
  }
  const stateId = async (code: string, path: string) =>
    stateIds.get(code) ?? (await findStateId(client, code, path));

  const countyIds = new Map<string, string>();
  for (const [i, county] of geo.counties.entries()) {
    const state_id = await stateId(county.state_code, `library.geo.counties.${i}.state_code`);
    const { id } = await upsertRow(
      client,
      {
        table: 'geo_counties',
        key: { state_id, name: county.name },
        values: county.fips === undefined ? {} : { fips: county.fips },
      },
      tally,
    );
    countyIds.set(`${county.state_code}/${county.name}`, id);
  }

  const owned = await gazetteerCities(client, geo);
  for (const [i, city] of geo.cities.entries()) {
    const state_id = await stateId(city.state_code, `library.geo.cities.${i}.state_code`);
    await upsertRow(
      client,
      {
        table: 'geo_cities',
        key: { state_id, name: city.name },
        values: owned.has(`${city.state_code}/${city.name}`)
          ? { zip_codes: city.zip_codes }
          : {
              // The contract already checked the county exists in this blueprint's geo section.
              county_id:
                city.county === undefined
                  ? null
                  : (countyIds.get(`${city.state_code}/${city.county}`) ?? null),
              population: city.population,
              zip_codes: city.zip_codes,
              geom: point(city.lng, city.lat),
            },
      },
      tally,
    );
  }
}

/** `STATE/Name` of the blueprint's cities that the gazetteer import already holds (they have a GeoNames id). */
async function gazetteerCities(client: PoolClient, geo: Geo): Promise<Set<string>> {
  const { rows } = await client.query<{ place: string }>(
    `select s.code || '/' || c.name as place
     from geo_cities c join geo_states s on s.id = c.state_id
     where c.geonames_id is not null and s.code || '/' || c.name = any($1::text[])`,
    [geo.cities.map((city) => `${city.state_code}/${city.name}`)],
  );
  return new Set(rows.map((row) => row.place));
}
