import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { directusConfigFrom } from './config.js';
import { dropDatabase, TEMPLATE_DATABASE } from './postgres.js';
import { freePort, keepLogsIn, log, runStep, StackError, stopServices } from './processes.js';
import { type RunningStack, startStack } from './stack.js';
import { runSuites, type SuiteResult } from './suites.js';

/**
 * `npm test`: lint → types → unit → a throwaway stack (own database, Redis, Directus, frontend, worker on free
 * ports; the dev data is never touched) → integration → end-to-end → teardown. Ends with one total line.
 */
const repoRoot = resolve(import.meta.dirname, '../../..');
const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const runDir = join(repoRoot, '.data/test-runs', runId);
const secret = (bytes = 24) => randomBytes(bytes).toString('base64url');

/**
 * Developer shortcuts (CI runs everything): `--quick` skips lint, types and unit tests;
 * `--filter=<text>` runs integration/e2e suites only of packages whose name contains <text>.
 */
const quick = process.argv.includes('--quick');
const packageFilter = process.argv.find((arg) => arg.startsWith('--filter='))?.slice('--filter='.length);

async function testEnvironment() {
  const [redisPort, directusPort, frontendPort] = [await freePort(), await freePort(), await freePort()];
  const password = secret(18);
  const database = `spark_test_${runId}`;
  const env: Record<string, string> = {
    DATABASE_URL: `postgres://spark_test:${password}@127.0.0.1:5432/${database}`,
    PG_ADMIN_URL: `postgres://spark_test:${password}@127.0.0.1:5432/postgres`,
    PG_TEMPLATE_DB: TEMPLATE_DATABASE,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    DIRECTUS_PORT: String(directusPort),
    DIRECTUS_INTERNAL_URL: `http://127.0.0.1:${directusPort}`,
    PUBLIC_DIRECTUS_URL: `http://localhost:${directusPort}`,
    FRONTEND_PORT: String(frontendPort),
    FRONTEND_URL: `http://127.0.0.1:${frontendPort}`,
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
    WORKER_CONCURRENCY: '2',
    SPARK_FRONTEND_OUT_DIR: join(repoRoot, 'frontend/dist-test', runId),
  };
  return { env, database, redisPort, frontendPort };
}

/** A service that died mid-run explains a wave of unrelated-looking failures: say so, with its log's tail. */
function reportDeadServices(stack: RunningStack, phase: string): void {
  for (const service of stack.services) {
    const { exitCode, signalCode } = service.child;
    if (exitCode === null && signalCode === null) continue;
    const logPath = join(runDir, `${service.name}.log`);
    const tail = existsSync(logPath)
      ? readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n')
      : '(no log)';
    log(
      `\x1b[31m${service.name} died during the ${phase} tests (exit ${exitCode ?? signalCode}); its log ends:\x1b[0m\n${tail}`,
    );
  }
}

async function main(): Promise<number> {
  mkdirSync(runDir, { recursive: true });
  const results: SuiteResult[] = [];
  const step = async (name: string, command: string, args: string[]) => {
    log(name);
    try {
      await runStep({ name, command, args, cwd: repoRoot, env: { ...process.env, FORCE_COLOR: '1' } });
      results.push({ name, passed: 0, failed: 0, ok: true });
    } catch {
      results.push({ name, passed: 0, failed: 0, ok: false });
    }
  };
  if (!quick) {
    await step('lint', join(repoRoot, 'node_modules/.bin/biome'), ['ci', '.']);
    await step('typecheck', 'pnpm', ['-r', '--if-present', 'typecheck']);
    results.push(...(await runSuites(repoRoot, 'test:unit', process.env, runDir)));
  }

  const { env, database, redisPort, frontendPort } = await testEnvironment();
  keepLogsIn(runDir);
  let stack: RunningStack | undefined;
  try {
    log(`Starting the throwaway stack (database ${database}; logs in ${runDir})`);
    stack = await startStack({
      repoRoot,
      dataDir: runDir,
      env,
      directus: { ...directusConfigFrom(env, repoRoot, runDir), logLevel: 'warn' },
      frontendPort,
      redisPort,
      redisPersistent: false,
      editorPassword: secret(12),
      echo: false,
    });
    const suiteEnv = {
      ...process.env,
      ...env,
      SPARK_TEST_EDITORS: JSON.stringify(
        stack.credentials.map(({ siteDomain, token, email }) => ({ siteDomain, token, email })),
      ),
    };
    results.push(...(await runSuites(repoRoot, 'test:int', suiteEnv, runDir, packageFilter)));
    reportDeadServices(stack, 'integration');
    results.push(...(await runSuites(repoRoot, 'test:e2e', suiteEnv, runDir, packageFilter)));
    reportDeadServices(stack, 'end-to-end');
  } catch (error) {
    const message =
      error instanceof StackError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? '')
          : String(error);
    log(`\x1b[31mthe test stack failed: ${message}\x1b[0m (logs: ${runDir})`);
    results.push({ name: 'test stack', passed: 0, failed: 0, ok: false });
  } finally {
    if (stack) await stopServices(stack.services);
    if (process.env.KEEP_TEST_STACK !== '1') {
      dropDatabase(database);
      rmSync(join(runDir, 'uploads'), { recursive: true, force: true });
      rmSync(join(runDir, 'redis'), { recursive: true, force: true });
      rmSync(env.SPARK_FRONTEND_OUT_DIR ?? '', { recursive: true, force: true });
    }
  }

  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  log('Summary');
  for (const r of results) {
    const counts = r.passed + r.failed > 0 ? ` (${r.passed} passed, ${r.failed} failed)` : '';
    log(`  ${r.ok ? '\x1b[32mok  \x1b[0m' : '\x1b[31mFAIL\x1b[0m'} ${r.name}${counts}`);
  }
  const allOk = results.every((r) => r.ok) && passed > 0;
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return allOk ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
