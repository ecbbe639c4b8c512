import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { directusConfigFrom } from './config.js';
import { dropRoleAndDatabases, TEMPLATE_DATABASE } from './postgres.js';
import { freePort, keepLogsIn, log, stopServices } from './processes.js';
import { type RunningStack, startStack } from './stack.js';

const secret = (bytes = 24) => randomBytes(bytes).toString('base64url');

export interface ThrowawayStack {
  runDir: string;
  /** What the platform processes got; integration suites and benchmarks read the same values. */
  env: Record<string, string>;
  stack: RunningStack;
  teardown(): Promise<void>;
}

/**
 * A complete platform on free ports with its own database, Redis and random secrets, used by `npm test` and
 * `npm run bench`; the dev data is never touched. Logs go to `<runDir>/<service>.log`.
 */
export async function startThrowawayStack(repoRoot: string, kind: 'test' | 'bench'): Promise<ThrowawayStack> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const runDir = join(repoRoot, `.data/${kind}-runs`, runId);
  mkdirSync(runDir, { recursive: true });
  keepLogsIn(runDir);
  const [redisPort, directusPort, frontendPort] = [await freePort(), await freePort(), await freePort()];
  const [frontendMetricsPort, workerMetricsPort] = [await freePort(), await freePort()];
  const password = secret(18);
  // One role per run: concurrent runs (several checkouts, CI beside a developer) never reset each other's password.
  const database = `spark_${kind}_${runId}`;
  const role = database;
  const env: Record<string, string> = {
    DATABASE_URL: `postgres://${role}:${password}@127.0.0.1:5432/${database}`,
    PG_ADMIN_URL: `postgres://${role}:${password}@127.0.0.1:5432/postgres`,
    PG_TEMPLATE_DB: TEMPLATE_DATABASE,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    DIRECTUS_PORT: String(directusPort),
    DIRECTUS_INTERNAL_URL: `http://127.0.0.1:${directusPort}`,
    PUBLIC_DIRECTUS_URL: `http://localhost:${directusPort}`,
    FRONTEND_PORT: String(frontendPort),
    FRONTEND_URL: `http://127.0.0.1:${frontendPort}`,
    // No rendering ahead: a worker asking for pages would race the tests' own first requests (x-cache MISS);
    // the render store's tests call the prerender themselves.
    FRONTEND_INTERNAL_URL: '',
    PUBLIC_PLATFORM_HOST: 'localhost',
    DIRECTUS_ADMIN_TOKEN: secret(),
    DIRECTUS_READ_TOKEN: secret(),
    GOD_MODE_TOKEN: secret(),
    KEY: secret(),
    SECRET: secret(32),
    ADMIN_EMAIL: 'admin@example.com',
    ADMIN_PASSWORD: secret(12),
    CORS_ORIGIN: `http://localhost:${frontendPort}`,
    MAX_PAYLOAD_SIZE: '50mb',
    WORKER_CONCURRENCY: '4',
    // Every state and county, but only the places of the demo campaigns' states (Texas, North Carolina) and the
    // demo cities: real places, fast to load.
    SPARK_GEOGRAPHY: 'subset',
    // Lead webhook retries span about a day in production; the retry test needs seconds.
    WEBHOOK_RETRY_BASE_MS: '2000',
    SPARK_FRONTEND_OUT_DIR: join(repoRoot, 'frontend/dist-test', runId),
    SPARK_WORKER_OUT_DIR: join(repoRoot, 'worker/dist-test', runId),
    // JSON lines in <runDir>/<service>.log, so tests can follow a request id from the frontend to the worker.
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
    METRICS_PORT: String(frontendMetricsPort),
    WORKER_METRICS_PORT: String(workerMetricsPort),
    SPARK_LOG_DIR: runDir,
  };
  log(`Starting a throwaway stack (database ${database}; logs in ${runDir})`);
  const teardownFiles = () => {
    if (process.env.KEEP_TEST_STACK === '1') return;
    dropRoleAndDatabases(role);
    for (const dir of [
      join(runDir, 'uploads'),
      join(runDir, 'redis'),
      env.SPARK_FRONTEND_OUT_DIR ?? '',
      env.SPARK_WORKER_OUT_DIR ?? '',
    ]) {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // Tests sign in (Directus, the admin UI) as the demo editors, so they get the password along with the tokens.
  const editorPassword = secret(12);
  let stack: RunningStack;
  try {
    stack = await startStack({
      repoRoot,
      dataDir: runDir,
      env,
      directus: {
        ...directusConfigFrom(env, repoRoot, runDir),
        logLevel: 'warn',
        godDeniedSummarySeconds: 1,
        // Directus computes its metrics on a schedule (every minute by default); tests read them within seconds.
        metricsSchedule: '*/2 * * * * *',
        pressureLimiter: false,
      },
      frontendPort,
      redisPort,
      redisPersistent: false,
      editorPassword,
      echo: false,
    });
  } catch (error) {
    teardownFiles();
    throw error;
  }
  env.SPARK_TEST_EDITORS = JSON.stringify(
    stack.credentials.map(({ siteDomain, token, email, password }) => ({
      siteDomain,
      token,
      email,
      password,
    })),
  );
  return {
    runDir,
    env,
    stack,
    async teardown() {
      await stopServices(stack.services);
      teardownFiles();
    },
  };
}
