import { applySchema, createPool } from '@spark/db';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@spark/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBlueprints } from '../seed.js';
import { testStack } from '../testing/stack.js';
import { type GeographyLoad, loadGeography } from './index.js';

/** A fresh database loaded like a test stack: schema → demo blueprints → the geography subset. */
let db: ThrowawayDatabase;
let subset: GeographyLoad | null;
let subsetSeconds = 0;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  await applySchema(db.pool);
  await seedBlueprints(db.pool);
  const started = performance.now();
  subset = await loadGeography(db.pool, 'subset');
  subsetSeconds = (performance.now() - started) / 1000;
  console.log(`geography subset loaded in ${subsetSeconds.toFixed(1)}s`);
}, 120_000);
afterAll(() => db?.drop());

const rows = async <T>(sql: string, params: unknown[] = []) =>
  (await db.pool.query<T & object>(sql, params)).rows;

const AUSTIN = `(select c.geom from geo_cities c join geo_states s on s.id = c.state_id
                 where s.code = 'TX' and c.name = 'Austin')`;

describe('the geography subset the test stack loads', () => {
  it('holds every state and county, and more than 500 Texas places with coordinates and counties', async () => {
    expect(subset?.counts).toMatchObject({ states: 51, counties: 3144 });
    const [counts] = await rows<{ states: number; counties: number; fips: number }>(
      `select (select count(*)::int from geo_states) as states,
              (select count(*)::int from geo_counties) as counties,
              (select count(*)::int from geo_counties where fips is not null) as fips`,
    );
    expect(counts).toEqual({ states: 51, counties: 3144, fips: 3144 });
    const [texas] = await rows<{ places: number; complete: number }>(
      `select count(*)::int as places,
              count(*) filter (where c.geom is not null and c.county_id is not null
                                 and c.population >= 1000 and c.geonames_id is not null)::int as complete
       from geo_cities c join geo_states s on s.id = c.state_id where s.code = 'TX'`,
    );
    expect(texas?.places).toBeGreaterThan(500);
    expect(texas?.complete).toBe(texas?.places);
    expect(subsetSeconds).toBeLessThan(30);
  });

  it('adopts the demo blueprint’s cities and counties instead of duplicating them, keeping their zip codes', async () => {
    const austin = await rows<{ geonames_id: number; zip_codes: string[]; county: string; fips: string }>(
      `select c.geonames_id, c.zip_codes, co.name as county, co.fips
       from geo_cities c join geo_states s on s.id = c.state_id join geo_counties co on co.id = c.county_id
       where s.code = 'TX' and c.name = 'Austin'`,
    );
    expect(austin).toEqual([
      { geonames_id: 4671654, zip_codes: ['78701', '78704'], county: 'Travis County', fips: '48453' },
    ]);
    const [unkeyed] = await rows<{ cities: number; counties: number }>(
      `select (select count(*)::int from geo_cities where geonames_id is null) as cities,
              (select count(*)::int from geo_counties where fips is null) as counties`,
    );
    expect(unkeyed).toEqual({ cities: 0, counties: 0 });
  });

  it('finds the cities within 50 km of Austin nearest first, and not Houston', async () => {
    const nearby = (
      await rows<{ name: string; km: number }>(
        `select c.name, ST_Distance(c.geom::geography, ${AUSTIN}::geography) / 1000 as km
         from geo_cities c
         where ST_DWithin(c.geom::geography, ${AUSTIN}::geography, 50000)
         order by km`,
      )
    ).map((row) => row.name);
    expect(nearby[0]).toBe('Austin');
    expect(nearby).toEqual(
      expect.arrayContaining(['Round Rock', 'Pflugerville', 'Cedar Park', 'Georgetown', 'San Marcos']),
    );
    const rank = (name: string) => nearby.indexOf(name);
    expect(rank('Pflugerville')).toBeLessThan(rank('Georgetown'));
    expect(rank('Georgetown')).toBeLessThan(rank('San Marcos'));
    expect(nearby).not.toContain('Houston');
    expect(nearby.length).toBeGreaterThan(20);
  });

  it('puts Travis County’s places in Travis County', async () => {
    const travis = (
      await rows<{ name: string }>(
        `select c.name from geo_cities c join geo_counties co on co.id = c.county_id
         where co.fips = '48453' order by c.population desc`,
      )
    ).map((row) => row.name);
    expect(travis[0]).toBe('Austin');
    expect(travis).toEqual(expect.arrayContaining(['Pflugerville', 'Lakeway', 'Manor', 'West Lake Hills']));
    expect(travis).not.toContain('Round Rock');
  });

  it('changes nothing when the blueprints and the subset are loaded again', async () => {
    const count = async () =>
      (await rows<{ n: number }>('select count(*)::int as n from geo_cities'))[0]?.n ?? 0;
    const before = await count();
    const reports = await seedBlueprints(db.pool);
    expect(reports.get('library.json')?.updated).toMatchObject({ geo_cities: 0, geo_counties: 0 });
    // The blueprint's own figure for Austin (961,855) does not overwrite the gazetteer's.
    const [austin] = await rows<{ population: number }>(
      `select c.population from geo_cities c join geo_states s on s.id = c.state_id
       where s.code = 'TX' and c.name = 'Austin'`,
    );
    expect(austin?.population).toBe(931830);
    const again = await loadGeography(db.pool, 'subset');
    expect(again?.report).toEqual({
      states: { created: 0, updated: 0 },
      counties: { created: 0, updated: 0 },
      cities: { created: 0, updated: 0 },
    });
    expect(await count()).toBe(before);
  });

  it('loads the full country in well under a minute, adding places to the subset', async () => {
    const started = performance.now();
    const full = await loadGeography(db.pool, 'full');
    const seconds = (performance.now() - started) / 1000;
    console.log(`geography full loaded in ${seconds.toFixed(1)}s: ${JSON.stringify(full?.counts)}`);
    expect(seconds).toBeLessThan(60);
    expect(full?.counts.places).toBeGreaterThan(15_000);
    expect(full?.report.cities.created).toBe((full?.counts.places ?? 0) - (subset?.counts.places ?? 0));
    const [all] = await rows<{ n: number; states: number }>(
      `select count(*)::int as n, count(distinct state_id)::int as states from geo_cities`,
    );
    expect(all).toEqual({ n: full?.counts.places, states: 51 });
  }, 120_000);

  it('serves radius searches and name-prefix searches of the full gazetteer from indexes', async () => {
    await db.pool.query('analyze geo_cities');
    const plan = async (sql: string) =>
      JSON.stringify((await db.pool.query(`explain (format json) ${sql}`)).rows);
    expect(
      await plan(
        `select id from geo_cities c
         where ST_DWithin(c.geom::geography, ST_SetSRID(ST_MakePoint(-97.74, 30.27), 4326)::geography, 50000)`,
      ),
    ).toContain('geo_cities_geography_idx');
    expect(
      await plan(`select id from geo_cities c where lower(c.name) like lower('Round R%') limit 20`),
    ).toContain('geo_cities_name_prefix_idx');
  });
});

describe('the running test stack', () => {
  it('was started with the subset: Texas has more than 500 places', async () => {
    const pool = createPool(testStack().DATABASE_URL, { max: 1 });
    try {
      const { rows: texas } = await pool.query<{ n: number }>(
        `select count(*)::int as n from geo_cities c join geo_states s on s.id = c.state_id
         where s.code = 'TX' and c.geom is not null and c.county_id is not null`,
      );
      expect(texas[0]?.n).toBeGreaterThan(500);
    } finally {
      await pool.end();
    }
  });
});
