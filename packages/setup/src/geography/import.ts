import type { Pool, PoolClient } from 'pg';
import type { Gazetteer } from './gazetteer.js';

export interface TableTally {
  created: number;
  updated: number;
}

export interface GeographyImportReport {
  states: TableTally;
  counties: TableTally;
  cities: TableTally;
}

const tally = (rows: { inserted: boolean }[]): TableTally => ({
  created: rows.filter((row) => row.inserted).length,
  updated: rows.filter((row) => !row.inserted).length,
});

/**
 * Writes the gazetteer in one transaction with a few set-based statements (arrays through `unnest`), so ~20k rows
 * take seconds. Idempotent: rows are matched on stable keys (state code, county FIPS, GeoNames id), and a row
 * that already exists under its state and name without a key (the demo blueprint's cities and counties) is
 * adopted rather than duplicated. Only changed rows are written; zip codes and cluster memberships are kept.
 */
export async function importGazetteer(pool: Pool, gazetteer: Gazetteer): Promise<GeographyImportReport> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const report = {
      states: await upsertStates(client, gazetteer),
      counties: await upsertCounties(client, gazetteer),
      cities: await upsertCities(client, gazetteer),
    };
    await client.query('commit');
    return report;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

async function upsertStates(client: PoolClient, { states }: Gazetteer): Promise<TableTally> {
  const { rows } = await client.query<{ inserted: boolean }>(
    `insert into geo_states (code, fips, name)
     select * from unnest($1::text[], $2::text[], $3::text[])
     on conflict (code) do update set fips = excluded.fips, name = excluded.name, date_updated = now()
       where (geo_states.fips, geo_states.name) is distinct from (excluded.fips, excluded.name)
     returning (xmax = 0) as inserted`,
    [states.map((s) => s.code), states.map((s) => s.fips), states.map((s) => s.name)],
  );
  return tally(rows);
}

async function upsertCounties(client: PoolClient, { counties }: Gazetteer): Promise<TableTally> {
  const params = [counties.map((c) => c.fips), counties.map((c) => c.stateCode), counties.map((c) => c.name)];
  const source = `select d.fips, s.id as state_id, d.name
     from unnest($1::text[], $2::text[], $3::text[]) as d (fips, state_code, name)
     join geo_states s on s.code = d.state_code`;
  // A county renamed since the last import keeps its row (and the campaigns targeting it), found by FIPS.
  const renamed = await client.query<{ inserted: boolean }>(
    `update geo_counties c set name = d.name, state_id = d.state_id, date_updated = now()
     from (${source}) d
     where c.fips = d.fips and (c.name, c.state_id) is distinct from (d.name, d.state_id)
       and not exists (select 1 from geo_counties o where o.state_id = d.state_id and o.name = d.name)
     returning false as inserted`,
    params,
  );
  const upserted = await client.query<{ inserted: boolean }>(
    `insert into geo_counties (fips, state_id, name)
     select * from (${source}) d
     where not exists (select 1 from geo_counties c where c.fips = d.fips and c.name <> d.name)
     on conflict (state_id, name) do update set fips = excluded.fips, date_updated = now()
       where geo_counties.fips is distinct from excluded.fips
     returning (xmax = 0) as inserted`,
    params,
  );
  return tally([...renamed.rows, ...upserted.rows]);
}

async function upsertCities(client: PoolClient, { places }: Gazetteer): Promise<TableTally> {
  const params = [
    places.map((p) => p.geonamesId),
    places.map((p) => p.stateCode),
    places.map((p) => p.countyFips),
    places.map((p) => p.name),
    places.map((p) => p.population),
    places.map((p) => p.lng),
    places.map((p) => p.lat),
  ];
  const source = `select d.geonames_id, s.id as state_id, co.id as county_id, d.name, d.population,
            ST_SetSRID(ST_MakePoint(d.lng, d.lat), 4326) as geom
     from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::float8[], $7::float8[])
       as d (geonames_id, state_code, county_fips, name, population, lng, lat)
     join geo_states s on s.code = d.state_code
     left join geo_counties co on co.fips = d.county_fips`;
  const byGeonamesId = await client.query<{ inserted: boolean }>(
    `update geo_cities c
     set name = d.name, state_id = d.state_id, county_id = d.county_id, population = d.population,
         geom = d.geom, date_updated = now()
     from (${source}) d
     where c.geonames_id = d.geonames_id
       and (c.name, c.state_id, c.county_id, c.population, c.geom)
         is distinct from (d.name, d.state_id, d.county_id, d.population, d.geom)
       and not exists (
         select 1 from geo_cities o
         where o.state_id = d.state_id and o.name = d.name and o.id <> c.id)
     returning false as inserted`,
    params,
  );
  // New places, and rows that exist by state and name without a GeoNames id yet (the demo blueprint's).
  const byName = await client.query<{ inserted: boolean }>(
    `insert into geo_cities (geonames_id, state_id, county_id, name, population, geom)
     select * from (${source}) d
     where not exists (
       select 1 from geo_cities c
       where c.geonames_id = d.geonames_id and (c.state_id, c.name) <> (d.state_id, d.name))
     on conflict (state_id, name) do update
       set geonames_id = excluded.geonames_id, county_id = excluded.county_id,
           population = excluded.population, geom = excluded.geom, date_updated = now()
       where (geo_cities.geonames_id is null or geo_cities.geonames_id = excluded.geonames_id)
         and (geo_cities.geonames_id, geo_cities.county_id, geo_cities.population, geo_cities.geom)
           is distinct from (excluded.geonames_id, excluded.county_id, excluded.population, excluded.geom)
     returning (xmax = 0) as inserted`,
    params,
  );
  return tally([...byGeonamesId.rows, ...byName.rows]);
}
