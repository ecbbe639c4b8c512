import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPool, listPublicTables } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directusConfigFrom } from '../config.js';
import { startDirectus } from '../directus.js';
import { freePort } from '../ports.js';
import { type RunningService, startService, stopServices, waitForHttp } from '../processes.js';
import { PG_DUMP_OPTIONS, PG_RESTORE_OPTIONS } from './backup.js';
import { repoRoot } from './deploy-files.js';
import { getPage } from './get-page.js';

/**
 * A backup is only as good as its restore: dump the test stack's database with the documented options, restore it
 * into a new database, start a second Directus and frontend on the copy, and compare what visitors get from both.
 */

const env = process.env as Record<string, string>;
/** Async, so the test worker stays responsive to vitest while PostgreSQL works. */
const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'spark-restore-'));
const restoredName = `${new URL(env.DATABASE_URL ?? 'postgres://x/none').pathname.slice(1)}_restored`;
const restoredUrl = (() => {
  const url = new URL(env.DATABASE_URL ?? '');
  url.pathname = `/${restoredName}`;
  return url.toString();
})();
const services: RunningService[] = [];
let restoredFrontend = 0;

/** libpq connection options from a URL, so no password appears in a process list. */
function libpq(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  return {
    args: ['-h', parsed.hostname, '-p', parsed.port || '5432', '-U', decodeURIComponent(parsed.username)],
    env: { ...process.env, PGPASSWORD: decodeURIComponent(parsed.password) },
  };
}

/** Per-render values (signed form timing tokens, CSP nonces) differ between any two renders. */
function stable(html: string): string {
  return html
    .replace(/(name="(?:_[a-z_]*|form_token|fill_token)" value=")[^"]*"/g, '$1…"')
    .replace(/nonce="[^"]*"/g, 'nonce="…"');
}

beforeAll(async () => {
  const dump = join(work, 'spark.dump');
  const source = libpq(env.DATABASE_URL ?? '');
  execFileSync(
    'pg_dump',
    [...source.args, '-d', new URL(env.DATABASE_URL ?? '').pathname.slice(1), ...PG_DUMP_OPTIONS, '-f', dump],
    {
      env: source.env,
    },
  );
  const admin = libpq(env.PG_ADMIN_URL ?? '');
  await run('createdb', [...admin.args, '-T', env.PG_TEMPLATE_DB ?? 'template0', restoredName], {
    env: admin.env,
  });
  // --no-comments only because this role does not own the PostGIS extension (compose restores as a superuser).
  execFileSync(
    'pg_restore',
    [...admin.args, '-d', restoredName, ...PG_RESTORE_OPTIONS, '--no-comments', dump],
    {
      env: admin.env,
    },
  );

  // A second platform on the copy: its own Directus (uploads folder restored beside it) and frontend, and its own
  // Redis database, so no cached page of the original stack can answer for it.
  const redisUrl = new URL(env.REDIS_URL ?? '');
  redisUrl.pathname = '/7';
  const directusPort = await freePort();
  mkdirSync(join(work, 'uploads'));
  const directus = await startDirectus(
    {
      ...directusConfigFrom(
        {
          ...env,
          DATABASE_URL: restoredUrl,
          REDIS_URL: redisUrl.toString(),
          DIRECTUS_PORT: String(directusPort),
        },
        repoRoot,
        work,
      ),
      logLevel: 'warn',
    },
    false,
  );
  services.push(directus);
  restoredFrontend = await freePort();
  const frontend = startService(
    {
      name: 'restored-frontend',
      command: process.execPath,
      args: [join(env.SPARK_FRONTEND_OUT_DIR ?? join(repoRoot, 'frontend/dist'), 'server/main.mjs')],
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: restoredUrl,
        REDIS_URL: redisUrl.toString(),
        DIRECTUS_INTERNAL_URL: `http://127.0.0.1:${directusPort}`,
        HOST: '127.0.0.1',
        PORT: String(restoredFrontend),
      },
    },
    { echo: false },
  );
  services.push(frontend);
  await waitForHttp(`http://127.0.0.1:${restoredFrontend}/api/health`, frontend, 60_000);
}, 180_000);

afterAll(async () => {
  await stopServices(services);
  const admin = libpq(env.PG_ADMIN_URL ?? '');
  execFileSync('dropdb', [...admin.args, '--if-exists', '--force', restoredName], { env: admin.env });
  rmSync(work, { recursive: true, force: true });
});

describe('a database backup restored into a fresh database', { timeout: 60_000 }, () => {
  it('holds every table with the same number of rows', async () => {
    const original = createPool(env.DATABASE_URL ?? '', { max: 1 });
    const restored = createPool(restoredUrl, { max: 1 });
    try {
      const tables = await listPublicTables(original);
      expect(await listPublicTables(restored)).toEqual(tables);
      const counts = async (pool: typeof original) => {
        const result: Record<string, number> = {};
        for (const table of tables) {
          result[table] = Number((await pool.query(`select count(*) as n from "${table}"`)).rows[0]?.n);
        }
        return result;
      };
      const [before, after] = [await counts(original), await counts(restored)];
      expect(after).toEqual(before);
      // Other suites may leave fixture sites behind; the demo tenants must be among the restored rows.
      const domains = await restored.query<{ domain: string }>('select domain from sites');
      expect(domains.rows.map((row) => row.domain)).toEqual(
        expect.arrayContaining(['alpha.localhost', 'beta.localhost']),
      );
      expect(before.directus_users).toBeGreaterThan(1);
    } finally {
      await Promise.all([original.end(), restored.end()]);
    }
  });

  it('serves the same tenant pages as the original stack', async () => {
    const originalPort = Number(new URL(env.FRONTEND_URL ?? '').port);
    const pages = [
      ['alpha.localhost', '/'],
      ['alpha.localhost', '/about'],
      ['beta.localhost', '/'],
      ['alpha.localhost', '/sitemap.xml'],
    ] as const;
    for (const [host, path] of pages) {
      const [original, restored] = [
        await getPage(originalPort, host, path),
        await getPage(restoredFrontend, host, path),
      ];
      expect(original.status, `${host}${path}`).toBe(200);
      expect(restored.status, `${host}${path}`).toBe(200);
      expect(stable(restored.body), `${host}${path}`).toBe(stable(original.body));
    }
  });

  it('uses the options the README documents', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain(`pg_dump -U "$POSTGRES_USER" -d "$POSTGRES_DB" ${PG_DUMP_OPTIONS.join(' ')}`);
    expect(readme).toContain(
      `pg_restore -U "$POSTGRES_USER" -d "$POSTGRES_DB" ${PG_RESTORE_OPTIONS.join(' ')}`,
    );
  });
});
