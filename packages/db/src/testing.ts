import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPool } from './pool.js';

export interface ThrowawayDatabase {
  name: string;
  url: string;
  pool: pg.Pool;
  /** Closes the pool and drops the database, even if clients are still connected. */
  drop(): Promise<void>;
}

export interface ThrowawayDatabaseOptions {
  /** A role allowed to CREATE DATABASE, connected to any database (e.g. postgres). */
  adminUrl?: string;
  /** Has postgis, uuid-ossp and pgcrypto installed, so a non-superuser owner can apply the schema. */
  template?: string;
}

export function requireAdminUrl(): string {
  const url = process.env.PG_ADMIN_URL;
  if (!url) {
    throw new Error(
      'PG_ADMIN_URL is not set: integration tests need a role with CREATEDB, ' +
        'e.g. PG_ADMIN_URL=postgres://user:password@127.0.0.1:5432/postgres',
    );
  }
  return url;
}

/** Creates an empty database with a random name from the PostGIS template. For tests. */
export async function createThrowawayDatabase(
  options: ThrowawayDatabaseOptions = {},
): Promise<ThrowawayDatabase> {
  const adminUrl = options.adminUrl ?? requireAdminUrl();
  const template = options.template ?? process.env.PG_TEMPLATE_DB ?? 'spark_template_postgis';
  const name = `spark_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (admin) =>
    admin.query(
      `create database ${admin.escapeIdentifier(name)} template ${admin.escapeIdentifier(template)}`,
    ),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = createPool(url.toString(), { max: 5 });
  return {
    name,
    url: url.toString(),
    pool,
    async drop() {
      await pool.end();
      await withAdminClient(adminUrl, async (admin) => {
        const database = admin.escapeIdentifier(name);
        try {
          await admin.query(`drop database if exists ${database} with (force)`);
        } catch (error) {
          // FORCE may not end an autovacuum worker that a large load started on the database (the test role
          // may not signal it: 42501); a plain DROP cancels autovacuum itself, and no client is left by now.
          if ((error as { code?: string }).code !== '42501') throw error;
          await admin.query(`drop database if exists ${database}`);
        }
      });
    },
  };
}

async function withAdminClient<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
