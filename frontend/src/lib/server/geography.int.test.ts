import { createPool } from '@spark/db';
import { afterAll, describe, expect, it } from 'vitest';
import { callApi, editorToken } from '../../testing/http.js';

/**
 * Campaigns over the real gazetteer the test stack loads (every state and county, the places of Texas): state,
 * county and radius targets cover real places, and the admin place picker searches them with a limit.
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
afterAll(() => pool.end());

const alphaToken = () => editorToken('alpha.localhost');
const idOf = async (sql: string, params: unknown[]) =>
  ((await pool.query<{ id: string }>(sql, params)).rows[0]?.id ?? '') as string;

interface Preview {
  total: number | string;
  locations: number;
  cities: { name: string; state_code: string; lat: number | null }[];
  samples: { headline: string; city: string | null }[];
}

const preview = (location_mode: string, location: Record<string, unknown>) =>
  callApi<Preview>('/api/seo/generate-headlines', {
    method: 'POST',
    token: alphaToken(),
    json: {
      preview: true,
      limit: 5,
      seed: 1,
      draft: {
        headline_spintax_root: '{Best|Top} {Niche} in {City}, {State_Code}',
        niche_variables: { Niche: 'Roofing' },
        location_mode,
        location,
      },
    },
  });

describe('campaigns over real places', () => {
  it('previews a Texas campaign over more than 500 cities, two headlines each', async () => {
    const texas = await idOf(`select id from geo_states where code = 'TX'`, []);
    const answer = await preview('state', { state_id: texas });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.locations).toBeGreaterThan(500);
    expect(answer.body.total).toBe(answer.body.locations * 2);
    expect(answer.body.cities.every((city) => city.state_code === 'TX' && city.lat !== null)).toBe(true);
    expect(answer.body.cities.slice(0, 4).map((city) => city.name)).toEqual([
      'Houston',
      'San Antonio',
      'Dallas',
      'Austin',
    ]);
  });

  it('covers Travis County’s places in county mode', async () => {
    const travis = await idOf(`select id from geo_counties where fips = '48453'`, []);
    const answer = await preview('county', { county_id: travis });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const names = answer.body.cities.map((city) => city.name);
    expect(names[0]).toBe('Austin');
    expect(names).toEqual(expect.arrayContaining(['Pflugerville', 'Lakeway', 'Manor']));
    expect(names).not.toContain('Round Rock');
    expect(answer.body.locations).toBeGreaterThan(10);
  });

  it('covers the towns within 50 km of Austin in radius mode, and not Houston', async () => {
    const answer = await preview('radius', { center: { lat: 30.26715, lng: -97.74306 }, radius_km: 50 });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const names = answer.body.cities.map((city) => city.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Austin',
        'Round Rock',
        'Pflugerville',
        'Cedar Park',
        'Georgetown',
        'San Marcos',
      ]),
    );
    expect(names).not.toContain('Houston');
  });
});

describe('the admin place picker over the gazetteer', () => {
  const places = (query: string) =>
    callApi<{ data: { name: string; state_code: string }[] }>(`/api/admin/places?${query}`, {
      token: alphaToken(),
    });

  it('finds places and counties by case-insensitive name prefix, biggest first', async () => {
    const rounds = await places('kind=city&q=ROUND%20r');
    expect(rounds.status).toBe(200);
    expect(rounds.body.data[0]).toMatchObject({ name: 'Round Rock', state_code: 'TX' });
    const counties = await places('kind=county&q=travis');
    expect(counties.body.data.map((c) => `${c.name}, ${c.state_code}`)).toContain('Travis County, TX');
  });

  it('answers at most the limit, and refuses a limit above 50 (422)', async () => {
    const all = await places('kind=city&limit=50');
    expect(all.status).toBe(200);
    expect(all.body.data).toHaveLength(50);
    expect((await places('kind=county&q=s&limit=7')).body.data).toHaveLength(7);
    expect((await places('kind=city&limit=51')).status).toBe(422);
  });
});
