import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, callApi, editorToken, isErrorEnvelope } from '../../../testing/http.js';

const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
afterAll(() => pool.end());

const path = '/api/admin/import-blueprint';
type Blueprint = Record<string, unknown> & {
  site: Record<string, unknown>;
  library: Record<string, unknown>;
};
const alphaBlueprint = () =>
  JSON.parse(
    readFileSync(new URL('../../../../../database/blueprints/alpha.json', import.meta.url), 'utf8'),
  ) as Blueprint;

/** Every row of the tables an attack aims at, so "unchanged" means unchanged to the byte. */
const snapshot = async () => {
  const tables = [
    'sites',
    'geo_states',
    'geo_counties',
    'geo_cities',
    'avatar_variants',
    'avatar_intelligence',
  ];
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) {
    rows[table] = (await pool.query(`select * from ${table} order by id`)).rows;
  }
  return rows;
};

const importAs = (token: string, blueprint: unknown) =>
  callApi<{ error: { code: string } }>(path, { method: 'POST', token, json: { blueprint } });

let betaId = '';
let sharedAvatar = '';
let betaVariant = '';
let sharedVariant = '';
beforeAll(async () => {
  betaId =
    (await pool.query<{ id: string }>(`select id from sites where domain = 'beta.localhost'`)).rows[0]?.id ??
    '';
  sharedAvatar = `Shared avatar ${randomUUID()}`;
  const avatar = await pool.query<{ id: string }>(
    'insert into avatar_intelligence (site_id, name) values (null, $1) returning id',
    [sharedAvatar],
  );
  betaVariant = `Beta variant ${randomUUID()}`;
  sharedVariant = `Shared variant ${randomUUID()}`;
  await pool.query(
    'insert into avatar_variants (site_id, avatar_id, name) values ($1, $2, $3), (null, $2, $4)',
    [betaId, avatar.rows[0]?.id, betaVariant, sharedVariant],
  );
});

describe('blueprint import with a site editor token', () => {
  it('refuses to write geography and leaves the geo tables unchanged', async () => {
    const blueprint = alphaBlueprint();
    blueprint.library.geo = {
      states: [{ code: 'NC', name: 'North Carolina' }],
      cities: [
        {
          name: 'pentest-Injected-by-Alpha',
          state_code: 'NC',
          population: 1,
          lat: 35.2,
          lng: -80.8,
          zip_codes: [],
        },
      ],
    };
    const before = await snapshot();
    const answer = await importAs(editorToken('alpha.localhost'), blueprint);
    expect(answer.status).toBe(403);
    expect(isErrorEnvelope(answer.body)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to take over another site's or the shared library's avatar variant, for editors and admins alike", async () => {
    for (const name of [betaVariant, sharedVariant]) {
      const blueprint = alphaBlueprint();
      blueprint.library.avatar_variants = [{ avatar: sharedAvatar, name, variables: { Claim: 'taken' } }];
      for (const token of [editorToken('alpha.localhost'), adminToken()]) {
        const before = await snapshot();
        const answer = await importAs(token, blueprint);
        expect(answer.status).toBe(409);
        expect(answer.body.error.code).toBe('CONFLICT');
        expect(await snapshot()).toEqual(before);
      }
    }
    const owners = await pool.query<{ name: string; site_id: string | null }>(
      'select name, site_id from avatar_variants where name = any($1) order by name',
      [[betaVariant, sharedVariant]],
    );
    expect(owners.rows).toEqual([
      { name: betaVariant, site_id: betaId },
      { name: sharedVariant, site_id: null },
    ]);
  });

  it("refuses to change its own site's aliases, status, settings or name, and writes nothing", async () => {
    const changes: Record<string, unknown>[] = [
      { domain_aliases: ['localhost'] },
      { domain_aliases: [`unclaimed-${Date.now()}.example`] },
      { status: 'paused' },
      { settings: { lead_webhook: { url: 'https://attacker.example/hook', secret: 'x' } } },
      { name: 'Renamed by editor' },
    ];
    for (const change of changes) {
      const blueprint = alphaBlueprint();
      blueprint.site = { ...blueprint.site, ...change };
      const before = await snapshot();
      const pagesBefore = (await pool.query('select * from pages order by id')).rows;
      const answer = await importAs(editorToken('alpha.localhost'), blueprint);
      expect(answer.status, JSON.stringify(change)).toBe(403);
      expect(isErrorEnvelope(answer.body)).toBe(true);
      expect(await snapshot()).toEqual(before);
      expect((await pool.query('select * from pages order by id')).rows).toEqual(pagesBefore);
    }
  });

  it('still re-imports its own unchanged site blueprint', async () => {
    const answer = await importAs(editorToken('alpha.localhost'), alphaBlueprint());
    expect(answer.status).toBe(200);
  });
});
