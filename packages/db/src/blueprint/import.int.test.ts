import { readFileSync } from 'node:fs';
import {
  AppError,
  isSiteBlueprint,
  type NavItem,
  parseBlueprint,
  type SiteBlueprint,
} from '@spark/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../schema.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../testing.js';
import { importBlueprint } from './import.js';
import type { ImportReport } from './report.js';

type DemoName = 'alpha' | 'beta' | 'library';

function demo(name: DemoName): Record<string, unknown> {
  const url = new URL(`../../../../database/blueprints/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

function siteBlueprint(name: 'alpha' | 'beta'): SiteBlueprint {
  const parsed = parseBlueprint(demo(name));
  if (!parsed.success || !isSiteBlueprint(parsed.data))
    throw new Error(`${name} is not a valid site blueprint`);
  return parsed.data;
}

/** Deep-copies a demo blueprint and sets dotted paths, e.g. ['pages.0.title', 'New']. */
function changed(name: DemoName, ...changes: [path: string, value: unknown][]): unknown {
  const bp: unknown = structuredClone(demo(name));
  for (const [path, value] of changes) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let node: unknown = bp;
    for (const key of keys) node = (node as Record<string, unknown>)[key];
    (node as Record<string, unknown>)[last] = value;
  }
  return bp;
}

const countNav = (items: readonly NavItem[]): number =>
  items.reduce((n, item) => n + 1 + countNav(item.children ?? []), 0);

const sum = (map: Record<string, number>) => Object.values(map).reduce((a, b) => a + b, 0);

/** Approximate state bounding boxes [west, south, east, north], from the Census TIGER extents. */
const STATE_BOUNDS: Record<string, [number, number, number, number]> = {
  AZ: [-114.82, 31.33, -109.04, 37.01],
  CO: [-109.06, 36.99, -102.04, 41.01],
  FL: [-87.64, 24.39, -79.97, 31.01],
  NC: [-84.33, 33.84, -75.4, 36.59],
  TX: [-106.65, 25.83, -93.5, 36.51],
};

const TABLES = [
  'sites',
  'globals',
  'navigation',
  'pages',
  'posts',
  'authors',
  'forms',
  'avatar_intelligence',
  'avatar_variants',
  'geo_states',
  'geo_counties',
  'geo_cities',
  'spintax_dictionaries',
  'cartesian_patterns',
  'article_templates',
  'content_fragments',
  'offer_blocks',
  'campaign_masters',
];

let db: ThrowawayDatabase;
/** First-import reports, compared with the re-import's. */
const firstImport = new Map<DemoName, ImportReport>();

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await db.pool.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    counts[table] = rows[0]?.n ?? -1;
  }
  return counts;
}

async function expectRejected(input: unknown, path: string): Promise<void> {
  const before = await rowCounts();
  const error = await importBlueprint(db.pool, input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('VALIDATION_FAILED');
  expect((error as AppError).details).toMatchObject({ issues: [{ path }] });
  expect(await rowCounts()).toEqual(before);
}

async function siteId(domain: string): Promise<string> {
  const { rows } = await db.pool.query<{ id: string }>('select id from sites where domain = $1', [domain]);
  const id = rows[0]?.id;
  if (!id) throw new Error(`no site ${domain}`);
  return id;
}

beforeAll(async () => {
  db = await createThrowawayDatabase();
  await applySchema(db.pool);
}, 60_000);

afterAll(async () => {
  await db?.drop();
});

// The tests build on each other in order: empty database, first import, re-import, edits.
describe('importBlueprint against PostgreSQL', () => {
  it('a dry run of the shared library on an empty database reports every row as created and writes nothing', async () => {
    const report = await importBlueprint(db.pool, demo('library'), { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.created).toMatchObject({ geo_states: 5, geo_cities: 50, spintax_dictionaries: 4 });
    expect(sum(report.updated) + sum(report.unchanged)).toBe(0);
    expect(Object.values(await rowCounts()).every((n) => n === 0)).toBe(true);
  });

  it('rejects a site whose campaign targets a state that is not loaded yet, naming the path', async () => {
    // Alpha's campaign targets Texas, which only the shared library defines.
    await expectRejected(demo('alpha'), 'campaigns.0.location.state_code');
  });

  it('imports the shared library, alpha and beta, creating one row per blueprint item', async () => {
    const library = await importBlueprint(db.pool, demo('library'));
    firstImport.set('library', library);
    expect(library.siteId).toBeNull();
    expect(library.created).toMatchObject({
      geo_states: 5,
      geo_cities: 50,
      spintax_dictionaries: 4,
      cartesian_patterns: 3,
    });

    for (const name of ['alpha', 'beta'] as const) {
      const bp = siteBlueprint(name);
      const report = await importBlueprint(db.pool, demo(name));
      firstImport.set(name, report);
      const lib = bp.library;
      expect(report.created).toMatchObject({
        sites: 1,
        globals: 1,
        pages: bp.pages.length,
        posts: bp.posts.length,
        authors: bp.authors.length,
        forms: bp.forms.length,
        navigation: countNav(bp.navigation),
        avatar_intelligence: lib?.avatars.length,
        avatar_variants: lib?.avatar_variants.length,
        content_fragments: lib?.content_fragments.length,
        offer_blocks: lib?.offer_blocks.length,
        article_templates: lib?.article_templates.length,
        campaign_masters: bp.campaigns.length,
      });
      expect(sum(report.updated)).toBe(0);
      expect(sum(report.unchanged)).toBe(0);
      expect(report.siteId).toBe(await siteId(bp.site.domain));
    }
    const counts = await rowCounts();
    expect(counts.sites).toBe(2);
    expect(counts.geo_cities).toBe(50);
  });

  it('re-importing the same blueprints creates and updates nothing and leaves date_updated unset', async () => {
    for (const name of ['library', 'alpha', 'beta'] as const) {
      const report = await importBlueprint(db.pool, demo(name));
      expect(sum(report.created), name).toBe(0);
      expect(sum(report.updated), name).toBe(0);
      expect(report.unchanged, name).toEqual(firstImport.get(name)?.created);
    }
    for (const table of TABLES) {
      const { rows } = await db.pool.query<{ n: number }>(
        `select count(*)::int as n from ${table} where date_updated is not null`,
      );
      expect(rows[0]?.n, table).toBe(0);
    }
  });

  it('a dry run of an edited blueprint reports exactly the changed rows and writes nothing', async () => {
    const edited = changed(
      'alpha',
      ['pages.2.title', 'About the Alpha crew'],
      ['navigation.1.children.0.url', '/services#new-roofs'],
    );
    const report = await importBlueprint(db.pool, edited, { dryRun: true });
    expect(report.updated).toMatchObject({ pages: 1, navigation: 1, sites: 0, posts: 0 });
    expect(sum(report.created)).toBe(0);
    const { rows } = await db.pool.query<{ title: string }>(
      "select title from pages where permalink = '/about' and site_id = $1",
      [await siteId('alpha.localhost')],
    );
    expect(rows[0]?.title).toBe('About Alpha Roofing');
  });

  it('a real import of the edited blueprint updates those rows in place', async () => {
    const alphaId = await siteId('alpha.localhost');
    const edited = changed(
      'alpha',
      ['pages.2.title', 'About the Alpha crew'],
      ['navigation.1.children.0.url', '/services#new-roofs'],
    );
    const report = await importBlueprint(db.pool, edited);
    expect(report.updated).toMatchObject({ pages: 1, navigation: 1 });
    expect(sum(report.created)).toBe(0);
    const { rows } = await db.pool.query<{ title: string; date_updated: Date | null }>(
      "select title, date_updated from pages where permalink = '/about' and site_id = $1",
      [alphaId],
    );
    expect(rows[0]?.title).toBe('About the Alpha crew');
    expect(rows[0]?.date_updated).not.toBeNull();
    const restored = await importBlueprint(db.pool, demo('alpha'));
    expect(restored.updated).toMatchObject({ pages: 1, navigation: 1 });
  });

  it('rejects a blueprint with an unknown block type, naming the path, and writes nothing', async () => {
    await expectRejected(
      changed(
        'alpha',
        ['site.domain', 'gamma.localhost'],
        ['site.domain_aliases', []],
        ['pages.0.blocks.0.type', 'carousel'],
      ),
      'pages.0.blocks.0.type',
    );
  });

  it('rejects a blueprint with a bad colour, naming the path, and writes nothing', async () => {
    await expectRejected(
      changed(
        'beta',
        ['site.domain', 'gamma.localhost'],
        ['site.domain_aliases', []],
        ['globals.colors.accent', 'sky-blue'],
      ),
      'globals.colors.accent',
    );
  });

  it('rolls back a half-done import when a late reference does not resolve', async () => {
    // The site, pages and library rows are written before the campaign fails to find its avatar.
    await expectRejected(
      changed(
        'alpha',
        ['site.domain', 'gamma.localhost'],
        ['site.domain_aliases', []],
        ['campaigns.0.avatars', ['Nobody In Particular']],
      ),
      'campaigns.0.avatars.0',
    );
    const { rows } = await db.pool.query("select 1 from sites where domain = 'gamma.localhost'");
    expect(rows).toHaveLength(0);
  });

  it("keeps each tenant's rows on its own site id and the shared library on site_id null", async () => {
    for (const name of ['alpha', 'beta'] as const) {
      const bp = siteBlueprint(name);
      const id = await siteId(bp.site.domain);
      const keys = async (sql: string) =>
        (await db.pool.query<{ k: string }>(sql, [id])).rows.map((r) => r.k).sort();
      expect(await keys('select permalink as k from pages where site_id = $1')).toEqual(
        bp.pages.map((p) => p.permalink).sort(),
      );
      expect(await keys('select slug as k from posts where site_id = $1')).toEqual(
        bp.posts.map((p) => p.slug).sort(),
      );
      expect(await keys('select slug as k from forms where site_id = $1')).toEqual(
        bp.forms.map((f) => f.slug).sort(),
      );
      expect(await keys('select name as k from avatar_intelligence where site_id = $1')).toEqual(
        (bp.library?.avatars ?? []).map((a) => a.name).sort(),
      );
      expect(await keys('select name as k from offer_blocks where site_id = $1')).toEqual(
        (bp.library?.offer_blocks ?? []).map((o) => o.name).sort(),
      );
      expect(await keys('select count(*)::text as k from avatar_variants where site_id = $1')).toEqual([
        String(bp.library?.avatar_variants.length),
      ]);
      expect(await keys('select name as k from globals where site_id = $1')).toEqual([bp.globals.name]);
      // Posts point at authors of the same site, never the other tenant's.
      expect(
        await keys(
          'select count(*)::text as k from posts p join authors a on a.id = p.author_id where p.site_id = $1 and a.site_id <> $1',
        ),
      ).toEqual(['0']);
    }
    const shared = await db.pool.query<{ category: string }>(
      'select category from spintax_dictionaries where site_id is null order by category',
    );
    expect(shared.rows.map((r) => r.category)).toEqual([
      'Call_To_Action',
      'Quality_Adjective',
      'Speed_Phrase',
      'Trust_Signal',
    ]);
  });

  it('stores nested navigation with parents, order and the draft page as a draft', async () => {
    const betaId = await siteId('beta.localhost');
    const { rows } = await db.pool.query<{ path: string; sort: number }>(
      `with recursive tree as (
         select id, label::text as path, sort from navigation where site_id = $1 and parent_id is null
         union all
         select n.id, tree.path || ' > ' || n.label, n.sort from navigation n join tree on n.parent_id = tree.id
       ) select path, sort from tree`,
      [betaId],
    );
    expect(rows).toContainEqual({ path: 'Treatments > Cosmetic Dentistry > Whitening', sort: 0 });
    expect(rows).toContainEqual({ path: 'Treatments > Emergency Care', sort: 2 });
    const draft = await db.pool.query<{ status: string; published_at: Date | null }>(
      "select status, published_at from pages where site_id = $1 and permalink = '/draft-preview'",
      [betaId],
    );
    expect(draft.rows).toEqual([{ status: 'draft', published_at: null }]);
  });

  it('places all fifty cities inside their state bounding box, with county and zip codes', async () => {
    const { rows } = await db.pool.query<{
      name: string;
      code: string;
      lng: number;
      lat: number;
      county: string | null;
      zips: string[];
    }>(
      `select c.name, s.code, ST_X(c.geom) as lng, ST_Y(c.geom) as lat, k.name as county, c.zip_codes as zips
       from geo_cities c join geo_states s on s.id = c.state_id left join geo_counties k on k.id = c.county_id`,
    );
    expect(rows).toHaveLength(50);
    for (const city of rows) {
      const box = STATE_BOUNDS[city.code];
      expect(box, city.code).toBeDefined();
      const [west, south, east, north] = box ?? [0, 0, 0, 0];
      expect(city.lng, `${city.name}, ${city.code} longitude`).toBeGreaterThanOrEqual(west);
      expect(city.lng, `${city.name}, ${city.code} longitude`).toBeLessThanOrEqual(east);
      expect(city.lat, `${city.name}, ${city.code} latitude`).toBeGreaterThanOrEqual(south);
      expect(city.lat, `${city.name}, ${city.code} latitude`).toBeLessThanOrEqual(north);
      expect(city.county, city.name).not.toBeNull();
      expect(city.zips.length, city.name).toBeGreaterThan(0);
    }
  });

  it('resolves campaign targets: alpha to Texas, beta to a radius around Raleigh, avatars and template by name', async () => {
    const { rows } = await db.pool.query<{
      domain: string;
      state: string | null;
      avatars: number;
      template: string | null;
      km_to_raleigh: number | null;
      radius_km: string | null;
    }>(
      `select s.domain, st.code as state, cardinality(c.avatar_ids) as avatars, t.name as template,
              ST_DistanceSphere(c.radius_center, ST_SetSRID(ST_MakePoint(-78.6382, 35.7796), 4326)) / 1000 as km_to_raleigh,
              c.radius_km::text as radius_km
       from campaign_masters c join sites s on s.id = c.site_id
       left join geo_states st on st.id = c.target_state_id
       left join article_templates t on t.id = c.template_id and t.site_id = c.site_id
       order by s.domain`,
    );
    expect(rows).toEqual([
      {
        domain: 'alpha.localhost',
        state: 'TX',
        avatars: 2,
        template: 'Local roofing guide',
        km_to_raleigh: null,
        radius_km: null,
      },
      {
        domain: 'beta.localhost',
        state: null,
        avatars: 2,
        template: 'Local dental guide',
        km_to_raleigh: 0,
        radius_km: '60',
      },
    ]);
  });
});
