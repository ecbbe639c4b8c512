import type { Geo } from '@spark/contracts';
import type { PoolClient } from 'pg';
import type { ReportTally } from './report.js';
import { findStateId } from './resolve.js';
import { point } from './sql.js';
import { upsertRow } from './upsert.js';

/**
 * Geo rows are global reference data (no site_id). Natural keys: states by code, counties and
 * cities by (state, name). A county's FIPS code is only written when the blueprint gives one, so
 * a blueprint without codes does not erase codes loaded from elsewhere.
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

  for (const [i, city] of geo.cities.entries()) {
    const state_id = await stateId(city.state_code, `library.geo.cities.${i}.state_code`);
    await upsertRow(
      client,
      {
        table: 'geo_cities',
        key: { state_id, name: city.name },
        values: {
          // The contract already checked the county exists in this blueprint's geo section.
          county_id:
            city.county === undefined ? null : (countyIds.get(`${city.state_code}/${city.county}`) ?? null),
          population: city.population,
          zip_codes: city.zip_codes,
          geom: point(city.lng, city.lat),
        },
      },
      tally,
    );
  }
}
