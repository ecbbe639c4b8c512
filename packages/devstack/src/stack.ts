import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPool, type MigrationReport, migrateDatabase } from '@spark/db';
import {
  type Credential,
  createDirectusClient,
  decideFreshInstall,
  describeGeographyLoad,
  disableLoginSuspension,
  ensureDemoEditors,
  ensureSsrReader,
  GeographyModeSchema,
  linkDirectusUsers,
  loadGeography,
  provisionAccessModel,
  provisionDataStudio,
  provisionStudioFlows,
  registerDirectusMetadata,
  seedBlueprints,
  syncAdminPassword,
  syncAdminToken,
  wipeDatabase,
} from '@spark/setup';
import { bootstrapDirectus, type DirectusConfig, startDirectus } from './directus.js';
import { ensurePostgresRunning, ensureRoleAndDatabase } from './postgres.js';
import {
  assertPortFree,
  log,
  type RunningService,
  runStep,
  StackError,
  startService,
  stopServices,
  waitForHttp,
} from './processes.js';
import { pingRedis, startRedis } from './redis.js';

export interface StackConfig {
  repoRoot: string;
  dataDir: string;
  /** Everything the platform's own processes read (the .env values, or the test run's). */
  env: Record<string, string>;
  directus: DirectusConfig;
  frontendPort: number;
  redisPort: number;
  /** Dev keeps Redis data on disk like production; tests throw it away. */
  redisPersistent: boolean;
  editorPassword: string;
  /** Show every service's log lines (dev) or only failures (test). */
  echo: boolean;
}

export interface RunningStack {
  services: RunningService[];
  credentials: Credential[];
  frontendUrl: string;
  directusUrl: string;
}

function databaseParts(url: string) {
  const parsed = new URL(url);
  return {
    role: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: parsed.pathname.slice(1),
    port: Number(parsed.port || 5432),
  };
}

async function time<T>(label: string, step: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await step();
  log(`${label} (${((performance.now() - started) / 1000).toFixed(1)}s)`);
  return result;
}

async function prepareDatabase(config: StackConfig) {
  const parts = databaseParts(config.env.DATABASE_URL ?? '');
  const clusterPort = await time('PostgreSQL is running', () => ensurePostgresRunning());
  if (clusterPort !== parts.port) {
    throw new StackError(
      `DATABASE_URL uses port ${parts.port}, but the local PostgreSQL cluster listens on ${clusterPort}`,
    );
  }
  await time(`Database "${parts.database}" and role "${parts.role}" exist`, () =>
    ensureRoleAndDatabase(parts),
  );
  const pool = createPool(config.env.DATABASE_URL ?? '', { max: 4 });
  const decision = decideFreshInstall(config.env, parts.database);
  if (decision.kind === 'refuse') throw new StackError(decision.message);
  if (decision.kind === 'wipe') {
    const report = await wipeDatabase(pool);
    log(`FORCE_FRESH_INSTALL: dropped ${report.tables.length} tables:`);
    for (const table of report.tables) log(`  ${table.name} (${table.rows} rows)`);
  }
  const report = await time('Migrations and schema applied', () => migrateDatabase(pool));
  log(`  ${describeMigration(report)}`);
  return pool;
}

/** Brings the platform up in order: PostgreSQL → schema → Redis → Directus → metadata/access/seed → apps. */
export async function startStack(config: StackConfig): Promise<RunningStack> {
  const services: RunningService[] = [];
  try {
    const pool = await prepareDatabase(config);
    try {
      if (await pingRedis(config.redisPort)) {
        log(`Redis already answers on port ${config.redisPort}; using it`);
      } else {
        services.push(
          await time(`Redis started on port ${config.redisPort}`, () =>
            startRedis({
              port: config.redisPort,
              dir: join(config.dataDir, 'redis'),
              persistent: config.redisPersistent,
              echo: config.echo,
            }),
          ),
        );
      }
      mkdirSync(config.directus.uploadsDir, { recursive: true });
      // Built before `directus bootstrap`, which already loads extensions (and logs a missing one as an error).
      await time('Directus extensions built', () =>
        runStep(
          {
            name: 'extensions',
            command: 'pnpm',
            args: ['--filter', '@spark/directus-bundle', 'build'],
            cwd: config.repoRoot,
            env: { ...process.env },
          },
          { echo: config.echo },
        ),
      );
      await time('Directus bootstrapped', () => bootstrapDirectus(config.directus, config.echo));
      await time('Directus metadata registered', async () => {
        await linkDirectusUsers(pool);
        await registerDirectusMetadata(pool);
        // Tenant hosts are `<domain>:<frontend port>` locally (browsers resolve `*.localhost` to this machine).
        await provisionDataStudio(pool, {
          previewOrigin: `http://{{site_id.domain}}:${config.frontendPort}`,
        });
      });
      const reports = await time('Demo blueprints loaded', () => seedBlueprints(pool));
      for (const [file, report] of reports) log(`  ${file}: ${summarise(report)}`);
      // After the blueprints, so the demo's cities take their real population, position and county.
      const geographyMode = GeographyModeSchema.safeParse(config.env.SPARK_GEOGRAPHY);
      if (!geographyMode.success) {
        throw new StackError(
          `SPARK_GEOGRAPHY must be full, subset or none, not "${config.env.SPARK_GEOGRAPHY}"`,
        );
      }
      const geography = await time(`Geography loaded (SPARK_GEOGRAPHY=${geographyMode.data})`, () =>
        loadGeography(pool, geographyMode.data),
      );
      log(`  ${describeGeographyLoad(geography)}`);
      const access = await time('Roles, policies and permissions provisioned', () =>
        provisionAccessModel(pool),
      );
      await syncAdminToken(pool, config.directus.adminEmail, config.directus.adminToken);
      await disableLoginSuspension(pool);

      await assertPortFree(config.directus.port, 'Directus');
      await assertPortFree(config.frontendPort, 'frontend');
      services.push(
        await time(`Directus is healthy on port ${config.directus.port}`, () =>
          startDirectus(config.directus, config.echo),
        ),
      );
      assertExtensionsRegistered(join(config.dataDir, 'directus.log'));
      const directus = createDirectusClient(
        `http://127.0.0.1:${config.directus.port}`,
        config.directus.adminToken,
      );
      await syncAdminPassword(pool, directus, config.directus.adminEmail, config.directus.adminPassword);
      await time('Data Studio flows provisioned', () => provisionStudioFlows(directus));
      const credentials = await time('SSR reader and demo editors ensured', async () => {
        await ensureSsrReader(directus, access, {
          readToken: config.env.DIRECTUS_READ_TOKEN ?? '',
          secret: config.directus.secret,
        });
        return ensureDemoEditors(pool, directus, access, {
          secret: config.directus.secret,
          editorPassword: config.editorPassword,
        });
      });

      services.push(...(await startApps(config)));
      return {
        services,
        credentials,
        frontendUrl: `http://127.0.0.1:${config.frontendPort}`,
        directusUrl: `http://127.0.0.1:${config.directus.port}`,
      };
    } finally {
      await pool.end();
    }
  } catch (error) {
    await stopServices(services);
    throw error;
  }
}

/**
 * A broken extension only makes Directus log `Couldn't register …` and carry on without it, so a run that kept
 * Directus's log (tests) fails here instead of passing with the extension silently missing.
 */
function assertExtensionsRegistered(logFile: string): void {
  if (!existsSync(logFile)) return;
  const failures = readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes("Couldn't register"));
  if (failures.length > 0) {
    throw new StackError(`Directus could not register extensions (${logFile}):\n  ${failures.join('\n  ')}`);
  }
}

function describeMigration(report: MigrationReport): string {
  const migrations = report.fresh
    ? `fresh database, ${report.baselined.length} migration(s) recorded as baseline`
    : `${report.applied.length} migration(s) applied${report.applied.length > 0 ? `: ${report.applied.join(', ')}` : ''}`;
  return `${migrations}; schema ${report.schemaFiles.join(' → ')}`;
}

function summarise(report: { created: Record<string, number>; updated: Record<string, number> }): string {
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
  return `${total(report.created)} created, ${total(report.updated)} updated`;
}

async function startApps(config: StackConfig): Promise<RunningService[]> {
  const outDir = config.env.SPARK_FRONTEND_OUT_DIR ?? join(config.repoRoot, 'frontend/dist');
  const workerOutDir = config.env.SPARK_WORKER_OUT_DIR ?? join(config.repoRoot, 'worker/dist');
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...config.env,
    SPARK_FRONTEND_OUT_DIR: outDir,
    SPARK_WORKER_OUT_DIR: workerOutDir,
  };
  // Both run as deployed: the frontend's server bundle next to Astro's build, the worker as one esbuild bundle.
  await time('Frontend and worker built', () =>
    runStep(
      {
        name: 'build',
        command: 'pnpm',
        args: ['--filter', '@spark/frontend', '--filter', '@spark/worker', 'build'],
        cwd: config.repoRoot,
        env: appEnv,
      },
      { echo: config.echo },
    ),
  );
  const frontend = startService(
    {
      name: 'frontend',
      command: process.execPath,
      args: [join(outDir, 'server/main.mjs')],
      cwd: config.repoRoot,
      env: { ...appEnv, HOST: '0.0.0.0', PORT: String(config.frontendPort) },
    },
    { echo: config.echo },
  );
  const worker = startService(
    {
      name: 'worker',
      command: process.execPath,
      args: [join(workerOutDir, 'main.mjs')],
      cwd: config.repoRoot,
      // Renders newly published article pages ahead of their first visitor through this frontend.
      env: {
        ...appEnv,
        FRONTEND_INTERNAL_URL: appEnv.FRONTEND_INTERNAL_URL ?? `http://127.0.0.1:${config.frontendPort}`,
        PRERENDER_ORIGIN: appEnv.PRERENDER_ORIGIN ?? `http://*:${config.frontendPort}`,
      },
    },
    { echo: config.echo },
  );
  await time(`Frontend is healthy on port ${config.frontendPort}`, () =>
    waitForHttp(`http://127.0.0.1:${config.frontendPort}/api/health`, frontend, 60_000),
  );
  return [frontend, worker];
}
