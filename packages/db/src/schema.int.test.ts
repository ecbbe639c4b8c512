import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findTablesWithoutSiteForeignKey,
  findUnindexedForeignKeys,
  GLOBAL_REFERENCE_TABLES,
  listPublicTables,
  listTenantTables,
  snapshotSchema,
} from './inspect.js';
import { applySchema, listSchemaFiles } from './schema.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from './testing.js';

interface Violation {
  code: string | undefined;
  constraint: string | undefined;
}

/** Runs a statement and resolves to the constraint violation it failed with, or undefined if it succeeded. */
async function violation(run: () => Promise<unknown>): Promise<Violation | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (error instanceof pg.DatabaseError) return { code: error.code, constraint: error.constraint };
    throw error;
  }
}

const CHECK_VIOLATION = '23514';
const UNIQUE_VIOLATION = '23505';
/** The site-match rule answers a cross-tenant reference exactly like a missing row. */
const FOREIGN_KEY_VIOLATION = '23503';

describe('the canonical schema in database/', { timeout: 30_000 }, () => {
  let db: ThrowawayDatabase;
  let tablesBefore: string[];
  let applied: string[];

  const q = <R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    db.pool.query<R>(sql, params);

  async function createSite(): Promise<string> {
    const host = `t${randomUUID().slice(0, 8)}.localhost`;
    const { rows } = await q<{ id: string }>(
      'insert into sites (name, domain) values ($1, $2) returning id',
      [host, host],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('site insert returned no id');
    return id;
  }

  beforeAll(async () => {
    db = await createThrowawayDatabase();
    tablesBefore = await listPublicTables(db.pool);
    applied = await applySchema(db.pool);
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('applies every batch file, in numeric order, to an empty database', async () => {
    expect(tablesBefore).toEqual(['spatial_ref_sys']);
    expect(applied).toEqual(await listSchemaFiles());
    expect(applied).toEqual(['000_extensions.sql', '100_foundation.sql', '200_walls.sql', '300_roof.sql']);
  });

  it('can be applied a second time without error and without changing the schema or the data', async () => {
    const siteId = await createSite();
    const before = await snapshotSchema(db.pool);
    await applySchema(db.pool);
    const after = await snapshotSchema(db.pool);
    expect(after).toEqual(before);
    expect(before.filter((line) => line.startsWith('table ')).length).toBeGreaterThan(30);
    const { rowCount } = await q('select 1 from sites where id = $1', [siteId]);
    expect(rowCount).toBe(1);
  });

  it('creates at least 30 tables in public besides PostGIS spatial_ref_sys', async () => {
    const tables = (await listPublicTables(db.pool)).filter((name) => name !== 'spatial_ref_sys');
    expect(tables.length).toBeGreaterThanOrEqual(30);
    expect(tables).toEqual(
      expect.arrayContaining(['sites', 'generated_articles', 'pageviews', 'work_log', 'site_members']),
    );
  });

  it('installs postgis, pgcrypto and uuid-ossp', async () => {
    const { rows } = await q<{ extname: string }>('select extname from pg_extension');
    expect(rows.map((r) => r.extname)).toEqual(expect.arrayContaining(['postgis', 'pgcrypto', 'uuid-ossp']));
  });

  it('gives every tenant-owned table a site_id foreign key to sites', async () => {
    const tenantTables = await listTenantTables(db.pool);
    expect(tenantTables.length).toBeGreaterThanOrEqual(30);
    expect(await findTablesWithoutSiteForeignKey(db.pool, tenantTables)).toEqual([]);
  });

  it('keeps the global reference allow-list honest: those tables exist and have no site_id', async () => {
    const { rows } = await q<{ table_name: string; has_site_id: boolean }>(
      `select t.table_name, exists (
         select 1 from information_schema.columns c
         where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'site_id'
       ) as has_site_id
       from information_schema.tables t where t.table_schema = 'public' and t.table_name = any($1)`,
      [GLOBAL_REFERENCE_TABLES],
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual([...GLOBAL_REFERENCE_TABLES].sort());
    expect(rows.filter((r) => r.has_site_id)).toEqual([]);
  });

  it('indexes every foreign key column', async () => {
    expect(await findUnindexedForeignKeys(db.pool)).toEqual([]);
  });

  it('maintains date_updated on every table that has one', async () => {
    const { rows } = await q<{ table_name: string }>(
      `select c.table_name from information_schema.columns c
       join pg_class t on t.relname = c.table_name and t.relnamespace = 'public'::regnamespace
       where c.table_schema = 'public' and c.column_name = 'date_updated'
         and not exists (select 1 from pg_trigger g where g.tgrelid = t.oid and g.tgname = 'set_date_updated')`,
    );
    expect(rows).toEqual([]);
    const siteId = await createSite();
    const { rows: updated } = await q<{ date_updated: Date | null }>(
      `update sites set status = 'paused' where id = $1 returning date_updated`,
      [siteId],
    );
    expect(updated[0]?.date_updated).toBeInstanceOf(Date);
  });

  it('rejects a status outside its vocabulary', async () => {
    const siteId = await createSite();
    const attempts: [constraint: string, run: () => Promise<unknown>][] = [
      [
        'sites_status_check',
        () => q(`insert into sites (name, domain, status) values ('x', 'bad-status.localhost', 'deleted')`),
      ],
      [
        'campaign_masters_status_check',
        () => q(`insert into campaign_masters (site_id, name, status) values ($1, 'c', 'running')`, [siteId]),
      ],
      [
        'generated_articles_status_check',
        () =>
          q(
            `insert into generated_articles (site_id, title, slug, generation_key, status) values ($1, 't', 't', $2, 'draft')`,
            [siteId, randomUUID()],
          ),
      ],
      [
        'generation_jobs_status_check',
        () =>
          q(`insert into generation_jobs (site_id, type, status) values ($1, 'generate_articles', 'done')`, [
            siteId,
          ]),
      ],
      [
        'pages_status_check',
        () =>
          q(`insert into pages (site_id, permalink, title, status) values ($1, '/', 't', 'live')`, [siteId]),
      ],
      ['work_log_level_check', () => q(`insert into work_log (action, level) values ('x', 'fatal')`)],
    ];
    for (const [constraint, run] of attempts) {
      expect(await violation(run)).toEqual({ code: CHECK_VIOLATION, constraint });
    }
  });

  it('accepts every generated article status of the spec', async () => {
    const siteId = await createSite();
    const statuses = ['queued', 'processing', 'qc', 'approved', 'scheduled', 'published', 'archived'];
    for (const status of statuses) {
      await q(
        `insert into generated_articles (site_id, title, slug, generation_key, status, publish_at, published_at)
         values ($1, $2, $2, $3, $2, now(), now())`,
        [siteId, status, randomUUID()],
      );
    }
    const { rows } = await q<{ n: string }>(
      'select count(*) as n from generated_articles where site_id = $1',
      [siteId],
    );
    expect(Number(rows[0]?.n)).toBe(statuses.length);
  });

  it('refuses to mark an article published without the moment it went live', async () => {
    const siteId = await createSite();
    const publish = () =>
      q(
        `insert into generated_articles (site_id, title, slug, generation_key, status) values ($1, 't', 't', $2, 'published')`,
        [siteId, randomUUID()],
      );
    expect(await violation(publish)).toEqual({
      code: CHECK_VIOLATION,
      constraint: 'generated_articles_published_at_check',
    });
  });

  it('enforces unique (site_id, slug) while letting another site reuse the slug', async () => {
    const [a, b] = [await createSite(), await createSite()];
    const insertPost = (siteId: string) =>
      q(`insert into posts (site_id, slug, title) values ($1, 'hello-world', 'Hello')`, [siteId]);
    await insertPost(a);
    expect(await violation(() => insertPost(a))).toEqual({
      code: UNIQUE_VIOLATION,
      constraint: 'posts_site_id_slug_key',
    });
    expect(await violation(() => insertPost(b))).toBeUndefined();
  });

  it('refuses a second site claiming a host another site already answers to', async () => {
    const siteId = await createSite();
    const alias = `alias-${randomUUID().slice(0, 8)}.example.com`;
    await q('update sites set domain_aliases = $2 where id = $1', [siteId, [alias]]);
    const clash = () => q(`insert into sites (name, domain) values ('other', $1)`, [alias]);
    expect((await violation(clash))?.code).toBe(UNIQUE_VIOLATION);
  });

  it('lets a site be upserted on its own domain, aliases included, without calling it a host clash', async () => {
    const domain = `upsert-${randomUUID().slice(0, 8)}.localhost`;
    const upsert = (name: string) =>
      q<{ id: string }>(
        `insert into sites (name, domain, domain_aliases) values ($1, $2, $3)
         on conflict (domain) do update set name = excluded.name, domain_aliases = excluded.domain_aliases
         returning id`,
        [name, domain, [`www2.${domain}`]],
      );
    const first = await upsert('First');
    const second = await upsert('Second');
    expect(second.rows[0]?.id).toBe(first.rows[0]?.id);
  });

  it("refuses a row that points at another site's row", async () => {
    const [a, b] = [await createSite(), await createSite()];
    const { rows } = await q<{ id: string }>(
      `insert into forms (site_id, slug, name) values ($1, 'contact', 'Contact') returning id`,
      [a],
    );
    const lead = (siteId: string) =>
      q(`insert into leads (site_id, form_id, email) values ($1, $2, 'x@example.com')`, [
        siteId,
        rows[0]?.id,
      ]);
    expect((await violation(() => lead(b)))?.code).toBe(FOREIGN_KEY_VIOLATION);
    expect(await violation(() => lead(a))).toBeUndefined();
  });

  it('checks every row of a multi-row insert, updates row by row, and fills in a missing site_id', async () => {
    const [a, b] = [await createSite(), await createSite()];
    const form = async (siteId: string) =>
      (
        await q<{ id: string }>(
          `insert into forms (site_id, slug, name) values ($1, 'f', 'F') returning id`,
          [siteId],
        )
      ).rows[0]?.id;
    const [formA, formB] = [await form(a), await form(b)];
    const bulk = () =>
      q(
        `insert into leads (site_id, form_id, email)
         select $1, f, 'x@example.com' from unnest($2::uuid[]) as f`,
        [a, [formA, formA, formB, formA]],
      );
    expect((await violation(bulk))?.code).toBe(FOREIGN_KEY_VIOLATION);
    expect((await q('select 1 from leads where site_id = $1', [a])).rowCount).toBe(0);
    const { rows: leads } = await q<{ id: string; site_id: string }>(
      `insert into leads (form_id, email) values ($1, 'y@example.com') returning id, site_id`,
      [formA],
    );
    expect(leads[0]?.site_id).toBe(a);
    const move = () => q('update leads set form_id = $2 where id = $1', [leads[0]?.id, formB]);
    expect((await violation(move))?.code).toBe(FOREIGN_KEY_VIOLATION);
  });

  it('replaces the one-row-per-band article_fingerprints with the array shape on re-apply', async () => {
    await q('drop table article_fingerprints');
    await q(`create table article_fingerprints (id uuid primary key, site_id uuid, article_id uuid,
             band smallint, hash bigint)`);
    await applySchema(db.pool);
    const { rows } = await q<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'article_fingerprints'
       order by column_name`,
    );
    expect(rows.map((r) => r.column_name)).toEqual([
      'article_id',
      'band_hashes',
      'date_created',
      'id',
      'minhash_version',
      'signature',
      'site_id',
    ]);
  });

  it('finds a city within a radius with ST_DWithin on geography', async () => {
    const { rows: states } = await q<{ id: string }>(
      `insert into geo_states (code, name) values ('TX', 'Texas') returning id`,
    );
    const point = (lng: number, lat: number) => `SRID=4326;POINT(${lng} ${lat})`;
    for (const [name, lng, lat] of [
      ['Austin', -97.7431, 30.2672],
      ['Round Rock', -97.6789, 30.5083],
      ['Houston', -95.3698, 29.7604],
    ] as const) {
      await q('insert into geo_cities (state_id, name, geom) values ($1, $2, $3::geometry)', [
        states[0]?.id,
        name,
        point(lng, lat),
      ]);
    }
    const { rows } = await q<{ name: string }>(
      `select name from geo_cities
       where ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3)
       order by name`,
      [-97.7431, 30.2672, 40_000],
    );
    expect(rows.map((r) => r.name)).toEqual(['Austin', 'Round Rock']);
    const line = () =>
      q(
        `insert into geo_cities (state_id, name, geom) values ($1, 'Line', 'SRID=4326;LINESTRING(0 0, 1 1)')`,
        [states[0]?.id],
      );
    expect(await violation(line)).toEqual({ code: CHECK_VIOLATION, constraint: 'geo_cities_geom_check' });
  });

  it('creates monthly analytics partitions on demand and routes a pageview into its month', async () => {
    const { rows: created } = await q<{ name: string }>(
      `select ensure_analytics_partitions('2031-01-20', 2) as name`,
    );
    expect(created.map((r) => r.name)).toEqual([
      'pageviews_p2031_01',
      'pageviews_p2031_02',
      'events_p2031_01',
      'events_p2031_02',
      'conversions_p2031_01',
      'conversions_p2031_02',
    ]);
    const { rows: again } = await q(`select ensure_analytics_partitions('2031-01-01', 2)`);
    expect(again).toEqual([]);

    const siteId = await createSite();
    const partitionOf = async (occurredAt: string) => {
      const { rows } = await q<{ partition: string }>(
        `insert into pageviews (occurred_at, site_id, event_id, visitor_hash, url, path)
         values ($1, $2, gen_random_uuid(), 'v', 'https://a.example/x', '/x')
         returning tableoid::regclass::text as partition`,
        [occurredAt, siteId],
      );
      return rows[0]?.partition;
    };
    expect(await partitionOf('2031-01-31T23:59:59Z')).toBe('analytics_partitions.pageviews_p2031_01');
    expect(await partitionOf('2031-02-01T00:00:00Z')).toBe('analytics_partitions.pageviews_p2031_02');
    expect(await partitionOf('2040-01-01T00:00:00Z')).toBe('analytics_partitions.pageviews_default');
  });

  it("moves rows out of the default partition when their month's partition is created", async () => {
    const siteId = await createSite();
    const eventId = randomUUID();
    await q(
      `insert into events (occurred_at, site_id, event_id, visitor_hash, name) values ('2035-03-10T12:00:00Z', $1, $2, 'v', 'signup')`,
      [siteId, eventId],
    );
    await q(`select ensure_analytics_partitions('2035-03-01', 1)`);
    const { rows } = await q<{ partition: string }>(
      'select tableoid::regclass::text as partition from events where event_id = $1',
      [eventId],
    );
    expect(rows.map((r) => r.partition)).toEqual(['analytics_partitions.events_p2035_03']);
  });

  it('ingests an analytics event once even when the same event arrives twice', async () => {
    const siteId = await createSite();
    const eventId = randomUUID();
    const ingest = () =>
      q(
        `insert into pageviews (occurred_at, site_id, event_id, visitor_hash, url, path)
         values ('2031-01-05T10:00:00Z', $1, $2, 'v', 'https://a.example/', '/') on conflict do nothing`,
        [siteId, eventId],
      );
    await ingest();
    await ingest();
    const { rows } = await q<{ n: string }>('select count(*) as n from pageviews where event_id = $1', [
      eventId,
    ]);
    expect(Number(rows[0]?.n)).toBe(1);
  });
});

describe('applySchema', { timeout: 60_000 }, () => {
  it('lets two concurrent appliers both succeed on a fresh database', async () => {
    const db = await createThrowawayDatabase();
    try {
      const [first, second] = await Promise.all([applySchema(db.pool), applySchema(db.pool)]);
      expect(first).toEqual(second);
      expect((await listPublicTables(db.pool)).length).toBeGreaterThan(30);
    } finally {
      await db.drop();
    }
  });

  it('rolls back every file when one of them fails', async () => {
    const db = await createThrowawayDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), 'spark-schema-'));
    try {
      await writeFile(path.join(dir, '100_ok.sql'), 'create table kept_if_committed (id int);\n');
      await writeFile(
        path.join(dir, '200_broken.sql'),
        'create table other (id int);\nselect from nowhere_at_all;\n',
      );
      await expect(applySchema(db.pool, { dir })).rejects.toThrow(
        /applying 200_broken\.sql failed: .*line 2/,
      );
      expect(await listPublicTables(db.pool)).toEqual(['spatial_ref_sys']);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await db.drop();
    }
  });
});
