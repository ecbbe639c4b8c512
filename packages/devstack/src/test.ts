import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { log, runStep, StackError } from './processes.js';
import type { RunningStack } from './stack.js';
import { runSuites, type SuiteResult } from './suites.js';
import { startThrowawayStack, type ThrowawayStack } from './throwaway.js';

/**
 * `npm test`: lint → types → unit → a throwaway stack (own database, Redis, Directus, frontend, worker on free
 * ports; the dev data is never touched) → integration → end-to-end → teardown. Ends with one total line.
 *
 * Developer shortcuts (CI runs everything): `--quick` skips lint, types and unit tests;
 * `--filter=<text>` runs integration/e2e suites only of packages whose name contains <text>;
 * `--files=<text>` runs only the integration test files (or Playwright specs) whose path contains <text>.
 */
const repoRoot = resolve(import.meta.dirname, '../../..');
const quick = process.argv.includes('--quick');
const optionValue = (name: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const packageFilter = optionValue('filter');
const fileFilter = optionValue('files');

/** A service that died mid-run explains a wave of unrelated-looking failures: say so, with its log's tail. */
function reportDeadServices(stack: RunningStack, runDir: string, phase: string): void {
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

async function staticChecks(reportDir: string): Promise<SuiteResult[]> {
  const results: SuiteResult[] = [];
  const step = async (name: string, command: string, args: string[]) => {
    log(name);
    const ok = await runStep({
      name,
      command,
      args,
      cwd: repoRoot,
      env: { ...process.env, FORCE_COLOR: '1' },
    }).then(
      () => true,
      () => false,
    );
    results.push({ name, passed: 0, failed: 0, ok });
  };
  await step('lint', join(repoRoot, 'node_modules/.bin/biome'), ['ci', '.']);
  await step('typecheck', 'pnpm', ['-r', '--if-present', 'typecheck']);
  results.push(...(await runSuites(repoRoot, 'test:unit', process.env, reportDir)));
  return results;
}

async function stackSuites(): Promise<SuiteResult[]> {
  const results: SuiteResult[] = [];
  let throwaway: ThrowawayStack | undefined;
  try {
    throwaway = await startThrowawayStack(repoRoot, 'test');
    const env = { ...process.env, ...throwaway.env };
    results.push(
      ...(await runSuites(repoRoot, 'test:int', env, throwaway.runDir, { packageFilter, fileFilter })),
    );
    reportDeadServices(throwaway.stack, throwaway.runDir, 'integration');
    results.push(
      ...(await runSuites(repoRoot, 'test:e2e', env, throwaway.runDir, { packageFilter, fileFilter })),
    );
    reportDeadServices(throwaway.stack, throwaway.runDir, 'end-to-end');
  } catch (error) {
    const message =
      error instanceof StackError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? '')
          : String(error);
    log(`\x1b[31mthe test stack failed: ${message}\x1b[0m`);
    results.push({ name: 'test stack', passed: 0, failed: 0, ok: false });
  } finally {
    await throwaway?.teardown();
  }
  return results;
}

async function main(): Promise<number> {
  const reportDir = join(repoRoot, '.data/test-reports', Date.now().toString(36));
  mkdirSync(reportDir, { recursive: true });
  const results = [...(quick ? [] : await staticChecks(reportDir)), ...(await stackSuites())];

  log('Summary');
  for (const r of results) {
    const counts = r.passed + r.failed > 0 ? ` (${r.passed} passed, ${r.failed} failed)` : '';
    log(`  ${r.ok ? '\x1b[32mok  \x1b[0m' : '\x1b[31mFAIL\x1b[0m'} ${r.name}${counts}`);
  }
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return results.every((r) => r.ok) && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
