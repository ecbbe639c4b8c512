import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { applySchema, DEFAULT_SCHEMA_DIR } from './schema.js';

/**
 * Versioned, forward-only migrations for what the idempotent schema cannot say: renames, type changes, moving or
 * backfilling data. They complement `database/*.sql`, which declares the current shape and is re-applied on every
 * start.
 *
 * Order on a database that already holds Spark tables: pending migrations first (each in its own transaction,
 * recorded with its checksum), then the idempotent schema. A migration therefore sees the previous release's
 * tables and moves them into the shape the schema then declares; one that needs a new column adds it itself
 * (`add column if not exists`, which the schema repeats harmlessly).
 *
 * A fresh database gets the current schema directly, and every migration is recorded as part of that baseline
 * without running: there is nothing to move, and the schema already has the shape the migrations lead to.
 *
 * The version table lives in schema `spark_meta`, out of sight of Directus and of the tenancy checks on `public`.
 */

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../../../database/migrations', import.meta.url));

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;

/** Held for the whole run (a session lock), so two starting processes never both decide "fresh" or both migrate. */
const MIGRATION_LOCK_KEY = 7_305_071_121;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** SHA-256 of the file: an applied migration whose file changed is refused, never re-run or ignored. */
  checksum: string;
}

export interface MigrationReport {
  /** True when the database had no Spark tables: migrations were recorded as baseline, not run. */
  fresh: boolean;
  applied: string[];
  baselined: string[];
  schemaFiles: string[];
}

export interface MigrateOptions {
  schemaDir?: string;
  migrationsDir?: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** The `NNNN_name.sql` files of `dir` in version order; a misnamed file or a repeated version is an error. */
export async function listMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const names = entries
    .filter((e) => e.isFile() && e.name.endsWith('.sql'))
    .map((e) => e.name)
    .sort();
  const misnamed = names.filter((name) => !MIGRATION_FILE.test(name));
  if (misnamed.length > 0) {
    throw new MigrationError(
      `migration files must be named NNNN_name.sql (lower-case); rename ${misnamed.join(', ')} in ${dir}`,
    );
  }
  const migrations = await Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name), 'utf8');
      return { version: Number(name.slice(0, 4)), name, sql, checksum: checksumOf(sql) };
    }),
  );
  const versions = migrations.map((m) => m.version);
  const repeated = versions.filter((v, i) => versions.indexOf(v) !== i);
  if (repeated.length > 0) {
    throw new MigrationError(
      `migrations share the version(s) ${[...new Set(repeated)].join(', ')} in ${dir}`,
    );
  }
  return migrations;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Every applied migration must still exist with the same content. A changed file would mean databases migrated
 * before and after the change differ silently; an unknown version means a newer release migrated this database.
 */
export function verifyApplied(known: readonly Migration[], applied: readonly AppliedRow[]): void {
  const byVersion = new Map(known.map((m) => [m.version, m]));
  for (const row of applied) {
    const migration = byVersion.get(row.version);
    if (!migration) {
      throw new MigrationError(
        `the database has migration ${row.name}, which this release does not ship: it was migrated by a newer ` +
          'release. Deploy that release (migrations are forward-only), or restore a backup taken before it.',
      );
    }
    if (migration.checksum !== row.checksum) {
      throw new MigrationError(
        `migration ${migration.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)} in ` +
          `the database, ${migration.checksum.slice(0, 12)} on disk). Applied migrations are never edited: ` +
          'restore the file and write a new migration for the change.',
      );
    }
  }
}

async function inTransaction(client: pg.PoolClient, fn: () => Promise<void>): Promise<void> {
  await client.query('begin');
  try {
    await fn();
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

async function readApplied(client: pg.PoolClient): Promise<AppliedRow[]> {
  const { rows } = await client.query<AppliedRow>(
    'select version, name, checksum from spark_meta.schema_migrations order by version',
  );
  return rows;
}

const RECORD =
  'insert into spark_meta.schema_migrations (version, name, checksum, baseline) values ($1, $2, $3, $4)';

/**
 * Brings a database to the current release: pending migrations (on an existing database), then the idempotent
 * schema, then the baseline record (on a fresh one). Safe on every start and from several processes at once.
 */
export async function migrateDatabase(pool: pg.Pool, options: MigrateOptions = {}): Promise<MigrationReport> {
  const migrations = await listMigrations(options.migrationsDir);
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(`
        create schema if not exists spark_meta;
        create table if not exists spark_meta.schema_migrations (
          version int primary key,
          name text not null,
          checksum text not null,
          baseline boolean not null default false,
          applied_at timestamptz not null default now()
        )`);
      const fresh = (await client.query("select to_regclass('public.sites') is null as fresh")).rows[0]
        ?.fresh as boolean;
      const applied = await readApplied(client);
      verifyApplied(migrations, applied);
      const done = new Set(applied.map((row) => row.version));
      const pending = migrations.filter((m) => !done.has(m.version));

      const report: MigrationReport = { fresh, applied: [], baselined: [], schemaFiles: [] };
      if (!fresh) {
        for (const migration of pending) {
          await inTransaction(client, async () => {
            try {
              await client.query(migration.sql);
            } catch (error) {
              throw new MigrationError(
                `migration ${migration.name} failed and was rolled back: ${error instanceof Error ? error.message : String(error)}`,
                { cause: error },
              );
            }
            await client.query(RECORD, [migration.version, migration.name, migration.checksum, false]);
          });
          report.applied.push(migration.name);
        }
      }
      report.schemaFiles = await applySchema(pool, { dir: options.schemaDir ?? DEFAULT_SCHEMA_DIR });
      if (fresh && pending.length > 0) {
        await inTransaction(client, async () => {
          for (const migration of pending) {
            await client.query(RECORD, [migration.version, migration.name, migration.checksum, true]);
          }
        });
        report.baselined = pending.map((m) => m.name);
      }
      return report;
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
