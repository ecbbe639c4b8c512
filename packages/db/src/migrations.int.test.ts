import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPublicTables, snapshotSchema } from './inspect.js';
import { checksumOf, listMigrations, migrateDatabase } from './migrations.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from './testing.js';

const DATABASE_DIR = new URL('../../../database/', import.meta.url);
/** The schema the previous release installed, frozen when that release shipped. */
const PREVIOUS_RELEASE = new URL('releases/2026-11-27.sql', DATABASE_DIR);
/** The demo data that release's importer wrote into it (today's importer knows columns it does not have). */
const PREVIOUS_RELEASE_DATA = new URL('releases/2026-11-27.data.sql', DATABASE_DIR);

/** Every row of every public table, per table; the rows the upgrade may change are compared apart. */
async function contents(db: ThrowawayDatabase): Promise<Map<string, Record<string, unknown>[]>> {
  const result = new Map<string, Record<string, unknown>[]>();
  for (const table of await listPublicTables(db.pool)) {
    if (table === 'spatial_ref_sys') continue;
    const { rows } = await db.pool.query<{ row: Record<string, unknown> }>(
      `select to_jsonb(t) - 'date_updated' - 'spam_reason' as row from "${table}" t`,
    );
    result.set(
      table,
      rows.map((r) => r.row),
    );
  }
  return result;
}

/** The lead statuses the pipeline migration renames; every other value must come through unchanged. */
const RENAMED_STATUSES: Record<string, string> = { converted: 'won', rejected: 'lost' };

/** Rows as sorted JSON, keeping only `columns`: columns the upgrade added are new, not changed values. */
const comparable = (rows: Record<string, unknown>[], columns: string[]) =>
  rows.map((row) => JSON.stringify(columns.map((column) => [column, row[column]]))).sort();

describe('upgrading a database of the previous release', { timeout: 120_000 }, () => {
  let previous: ThrowawayDatabase;
  let fresh: ThrowawayDatabase;
  let before: Map<string, Record<string, unknown>[]>;
  let spamLeadId: string;
  let newLeadId: string;
  let endedLeads: Record<string, string>;

  beforeAll(async () => {
    [previous, fresh] = await Promise.all([createThrowawayDatabase(), createThrowawayDatabase()]);
    await previous.pool.query(await readFile(PREVIOUS_RELEASE, 'utf8'));
    await previous.pool.query(await readFile(PREVIOUS_RELEASE_DATA, 'utf8'));
    const site = await previous.pool.query<{ id: string }>('select id from sites order by domain limit 1');
    const siteId = site.rows[0]?.id;
    // In that release only a marketer could mark a lead as spam: the backfill migration names these.
    const leads = await previous.pool.query<{ id: string; status: string }>(
      `insert into leads (site_id, email, status) values ($1, 'bot@example.com', 'spam'), ($1, 'ann@example.com', 'new')
       returning id, status`,
      [siteId],
    );
    spamLeadId = leads.rows.find((r) => r.status === 'spam')?.id ?? '';
    newLeadId = leads.rows.find((r) => r.status === 'new')?.id ?? '';
    await previous.pool.query(
      `insert into work_log (site_id, action, entity_type, level) values ($1, 'site.created', 'sites', 'info')`,
      [siteId],
    );
    // The pipeline's old end states, which the upgrade renames (the comparison below expects exactly that).
    const ended = await previous.pool.query<{ id: string; status: string }>(
      `insert into leads (site_id, email, status) values ($1, 'won@example.com', 'converted'),
         ($1, 'lost@example.com', 'rejected'), ($1, 'open@example.com', 'qualified')
       returning id, status`,
      [siteId],
    );
    endedLeads = Object.fromEntries(ended.rows.map((r) => [r.id, r.status]));
    before = await contents(previous);
  });

  afterAll(async () => {
    await Promise.all([previous?.drop(), fresh?.drop()]);
  });

  it('runs the pending migrations, then the schema, and records each migration with its checksum', async () => {
    const report = await migrateDatabase(previous.pool);
    const shipped = await listMigrations();
    expect(shipped.length).toBeGreaterThan(0);
    expect(report.fresh).toBe(false);
    expect(report.applied).toEqual(shipped.map((m) => m.name));
    const { rows } = await previous.pool.query(
      'select name, checksum, baseline from spark_meta.schema_migrations order by version',
    );
    expect(rows).toEqual(shipped.map((m) => ({ name: m.name, checksum: m.checksum, baseline: false })));
  });

  it('loses no row and changes no value', async () => {
    const after = await contents(previous);
    const tablesBefore = [...before.keys()];
    expect([...after.keys()]).toEqual(expect.arrayContaining(tablesBefore));
    let rowsCompared = 0;
    for (const table of tablesBefore) {
      const rows = (before.get(table) ?? []).map((row) =>
        table === 'leads' ? { ...row, status: RENAMED_STATUSES[String(row.status)] ?? row.status } : row,
      );
      const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].sort();
      expect(comparable(after.get(table) ?? [], columns), table).toEqual(comparable(rows, columns));
      rowsCompared += rows.length;
    }
    // The blueprints hold two sites with their pages and articles, and the shared library.
    expect(rowsCompared).toBeGreaterThan(100);
    expect(before.get('sites')).toHaveLength(2);
  });

  it('backfills the reason of leads marked as spam by hand, and only theirs', async () => {
    const { rows } = await previous.pool.query<{ id: string; spam_reason: string | null }>(
      'select id, spam_reason from leads where id = any($1::uuid[])',
      [[spamLeadId, newLeadId]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.spam_reason]))).toEqual({
      [spamLeadId]: 'marked_by_hand',
      [newLeadId]: null,
    });
  });

  it('renames the pipeline’s end states, converted to won and rejected to lost, and leaves the others', async () => {
    const { rows } = await previous.pool.query<{ id: string; status: string }>(
      'select id, status from leads where id = any($1::uuid[])',
      [Object.keys(endedLeads)],
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual(
      Object.fromEntries(
        Object.entries(endedLeads).map(([id, status]) => [id, RENAMED_STATUSES[status] ?? status]),
      ),
    );
    expect(Object.values(endedLeads).sort()).toEqual(['converted', 'qualified', 'rejected']);
  });

  it('ends with exactly the schema of a fresh install', async () => {
    const report = await migrateDatabase(fresh.pool);
    expect(report.fresh).toBe(true);
    expect(report.applied).toEqual([]);
    expect(report.baselined).toEqual((await listMigrations()).map((m) => m.name));
    expect(await snapshotSchema(previous.pool)).toEqual(await snapshotSchema(fresh.pool));
  });

  it('changes nothing when run again', async () => {
    const snapshot = await snapshotSchema(previous.pool);
    const report = await migrateDatabase(previous.pool);
    expect(report.applied).toEqual([]);
    expect(await snapshotSchema(previous.pool)).toEqual(snapshot);
  });
});

describe('migrateDatabase guards', { timeout: 60_000 }, () => {
  let db: ThrowawayDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createThrowawayDatabase();
    dir = await mkdtemp(path.join(tmpdir(), 'spark-migrations-'));
    // An existing installation: the previous release's schema, before any migration.
    await db.pool.query(await readFile(PREVIOUS_RELEASE, 'utf8'));
  });

  afterAll(async () => {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('rolls back a failing migration entirely and records nothing for it', async () => {
    await writeFile(path.join(dir, '0001_add_note.sql'), 'alter table sites add column migration_note text;');
    await writeFile(
      path.join(dir, '0002_broken.sql'),
      "update sites set migration_note = 'x';\nselect * from table_that_does_not_exist;",
    );
    await expect(migrateDatabase(db.pool, { migrationsDir: dir })).rejects.toThrow(
      /migration 0002_broken\.sql failed and was rolled back: relation "table_that_does_not_exist" does not exist/,
    );
    const { rows } = await db.pool.query('select name from spark_meta.schema_migrations order by version');
    expect(rows).toEqual([{ name: '0001_add_note.sql' }]);
    await rm(path.join(dir, '0002_broken.sql'));
  });

  it('refuses to run when an applied migration was edited afterwards, naming it', async () => {
    const edited = 'alter table sites add column migration_note text; -- edited';
    await writeFile(path.join(dir, '0001_add_note.sql'), edited);
    await expect(migrateDatabase(db.pool, { migrationsDir: dir })).rejects.toThrow(
      /migration 0001_add_note\.sql was changed after it was applied .*write a new migration/,
    );
    expect(checksumOf(edited)).not.toBe(
      (await db.pool.query('select checksum from spark_meta.schema_migrations where version = 1')).rows[0]
        ?.checksum,
    );
  });

  it('refuses a database migrated by a newer release', async () => {
    await rm(path.join(dir, '0001_add_note.sql'));
    await expect(migrateDatabase(db.pool, { migrationsDir: dir })).rejects.toThrow(
      /has migration 0001_add_note\.sql, which this release does not ship/,
    );
  });
});
