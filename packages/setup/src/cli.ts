/**
 * `spark-setup`: provisions a deployed platform (the compose `setup` service runs it once per `up`):
 * migrations and schema → Directus metadata → access model → optional demo data → users, then clears Directus's schema cache.
 * Assumes Directus has bootstrapped the same database (its container does that on start).
 */
import { createPool, migrateDatabase } from '@spark/db';
import { createLogger } from '@spark/observability';
import { z } from 'zod';
import { ensureDemoEditors, ensureSsrReader } from './demo-users.js';
import { provisionAccessModel } from './directus/access.js';
import { createDirectusClient } from './directus/client.js';
import { registerDirectusMetadata } from './directus/register.js';
import { disableLoginSuspension } from './directus/settings.js';
import { provisionDataStudio, provisionStudioFlows } from './directus/studio/index.js';
import { linkDirectusUsers, syncAdminPassword, syncAdminToken } from './directus/users.js';
import { decideFreshInstall, wipeDatabase } from './fresh-install.js';
import { describeGeographyLoad, GeographyModeSchema, loadGeography } from './geography/index.js';
import { seedBlueprints } from './seed.js';

/** The compose service's log: JSON lines like the other services (pretty when run by hand in development). */
const logger = createLogger('setup');

const envSchema = z.object({
  DATABASE_URL: z.string().url(),
  DIRECTUS_INTERNAL_URL: z.string().url(),
  DIRECTUS_ADMIN_TOKEN: z.string().min(16),
  DIRECTUS_READ_TOKEN: z.string().min(16),
  ADMIN_EMAIL: z.string().email(),
  ADMIN_PASSWORD: z.string().min(8),
  SECRET: z.string().min(16),
  SEED_DEMO: z.enum(['true', 'false']).default('false'),
  SPARK_GEOGRAPHY: GeographyModeSchema,
  DEMO_EDITOR_PASSWORD: z.string().min(8).optional(),
  /** Directus template of a site's public origin for the Studio's preview links (default `https://{{site_id.domain}}`). */
  STUDIO_PREVIEW_ORIGIN: z.string().min(1).optional(),
  FORCE_FRESH_INSTALL: z.string().optional(),
  FORCE_FRESH_INSTALL_CONFIRM: z.string().optional(),
});

/** Stops before any connection is made, naming every variable that is missing or wrong. */
function parseSetupEnv(source: NodeJS.ProcessEnv): z.infer<typeof envSchema> {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new Error(`Invalid setup environment — ${problems}`);
}

async function waitForDirectus(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const healthy = await fetch(new URL('/server/health', url)).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`Directus at ${url} did not become healthy within ${timeoutMs / 1000}s`);
}

async function main() {
  const env = parseSetupEnv(process.env);
  const pool = createPool(env.DATABASE_URL, { max: 2 });
  try {
    await waitForDirectus(env.DIRECTUS_INTERNAL_URL);
    const decision = decideFreshInstall(env, new URL(env.DATABASE_URL).pathname.slice(1));
    if (decision.kind === 'refuse') throw new Error(decision.message);
    if (decision.kind === 'wipe') {
      const report = await wipeDatabase(pool);
      logger.warn({ tables: report.tables }, 'FORCE_FRESH_INSTALL dropped every table');
      throw new Error('Database wiped. Restart Directus so it bootstraps again, then run setup once more.');
    }
    const migration = await migrateDatabase(pool);
    logger.info(
      {
        fresh: migration.fresh,
        baselined: migration.baselined,
        applied: migration.applied,
        schemaFiles: migration.schemaFiles,
      },
      'migrations and schema applied',
    );
    await linkDirectusUsers(pool);
    await registerDirectusMetadata(pool);
    await provisionDataStudio(pool, { previewOrigin: env.STUDIO_PREVIEW_ORIGIN });
    if (env.SEED_DEMO === 'true') await seedBlueprints(pool);
    // After the blueprints, so the demo's cities take their real population, position and county.
    const started = performance.now();
    const geography = await loadGeography(pool, env.SPARK_GEOGRAPHY);
    console.log(
      `${describeGeographyLoad(geography)} in ${((performance.now() - started) / 1000).toFixed(1)}s`,
    );
    const access = await provisionAccessModel(pool);
    await syncAdminToken(pool, env.ADMIN_EMAIL, env.DIRECTUS_ADMIN_TOKEN);
    await disableLoginSuspension(pool);
    const directus = createDirectusClient(env.DIRECTUS_INTERNAL_URL, env.DIRECTUS_ADMIN_TOKEN);
    await directus.request('POST', '/utils/cache/clear?system=true');
    await syncAdminPassword(pool, directus, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
    await provisionStudioFlows(directus);
    await ensureSsrReader(directus, access, { readToken: env.DIRECTUS_READ_TOKEN, secret: env.SECRET });
    if (env.SEED_DEMO === 'true') {
      const credentials = await ensureDemoEditors(pool, directus, access, {
        secret: env.SECRET,
        editorPassword: env.DEMO_EDITOR_PASSWORD ?? '',
      });
      logger.info({ editors: credentials.map((c) => c.email) }, 'demo editors ensured');
    }
    logger.info('setup complete');
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'setup failed');
  logger.flush(() => process.exit(1));
});
