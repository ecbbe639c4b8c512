import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { log, runStep } from './processes.js';

export type SuiteKind = 'test:unit' | 'test:int' | 'test:e2e';

export interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  ok: boolean;
}

interface WorkspacePackage {
  name: string;
  dir: string;
  scripts: Record<string, string>;
}

export function workspacePackages(repoRoot: string): WorkspacePackage[] {
  const dirs = [
    'frontend',
    'worker',
    'directus-extensions',
    ...readdirSync(join(repoRoot, 'packages')).map((d) => `packages/${d}`),
  ];
  return dirs
    .map((dir) => join(repoRoot, dir))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name: string;
        scripts?: Record<string, string>;
      };
      return { name: manifest.name, dir, scripts: manifest.scripts ?? {} };
    });
}

/** Counts from a vitest (`numPassedTests`) or Playwright (`stats.expected`) JSON report. */
function countFromReport(path: string): { passed: number; failed: number } {
  if (!existsSync(path)) return { passed: 0, failed: 0 };
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    numPassedTests?: number;
    numFailedTests?: number;
    stats?: { expected?: number; unexpected?: number; flaky?: number };
  };
  if (report.stats) {
    return {
      passed: (report.stats.expected ?? 0) + (report.stats.flaky ?? 0),
      failed: report.stats.unexpected ?? 0,
    };
  }
  return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
}

/**
 * A suite narrowed to the test files whose path contains `fileFilter`: the command and folder that run it. vitest
 * keeps a file that matches any positional filter, so the script's own `.int.test.ts` filter is replaced rather than
 * added to. A script that only delegates (`pnpm --dir <folder> run <script>`) is followed to the folder it names.
 */
function commandForFiles(dir: string, script: string, fileFilter: string): { cwd: string; args: string[] } {
  const delegated = /^pnpm --dir (\S+) run (\S+)$/.exec(script.trim());
  if (delegated?.[1] && delegated[2]) {
    const target = join(dir, delegated[1]);
    const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    return commandForFiles(target, manifest.scripts?.[delegated[2]] ?? '', fileFilter);
  }
  const words = script.split(/\s+/).filter((word) => word !== '.int.test.ts');
  // A filter meant for the integration files may match no Playwright spec (and the other way round): not a failure.
  const noMatchIsFine = words[0] === 'playwright' ? '--pass-with-no-tests' : '--passWithNoTests';
  const flags = words.includes(noMatchIsFine) ? [] : [noMatchIsFine];
  return { cwd: dir, args: ['exec', ...words, ...flags, fileFilter] };
}

/**
 * Runs one kind of suite in every package that has it, each with a JSON report next to the human one, so the
 * run can end with one honest total. A failing package does not stop the others.
 */
export async function runSuites(
  repoRoot: string,
  kind: SuiteKind,
  env: NodeJS.ProcessEnv,
  reportDir: string,
  only: { packageFilter?: string | undefined; fileFilter?: string | undefined } = {},
): Promise<SuiteResult[]> {
  const { packageFilter, fileFilter } = only;
  const results: SuiteResult[] = [];
  const selected = workspacePackages(repoRoot).filter(
    (p) => p.scripts[kind] && (!packageFilter || p.name.includes(packageFilter)),
  );
  for (const pkg of selected) {
    const reportFile = join(reportDir, `${pkg.name.replace(/\W+/g, '_')}-${kind.replace(':', '-')}.json`);
    const reporterArgs =
      kind === 'test:e2e' ? [] : ['--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`];
    const narrowed = fileFilter ? commandForFiles(pkg.dir, pkg.scripts[kind] ?? '', fileFilter) : undefined;
    log(`${kind} · ${pkg.name}`);
    let ok = true;
    try {
      await runStep({
        name: `${pkg.name.replace('@spark/', '')}:${kind.replace('test:', '')}`,
        command: 'pnpm',
        args: narrowed ? [...narrowed.args, ...reporterArgs] : ['--silent', 'run', kind, ...reporterArgs],
        cwd: narrowed?.cwd ?? pkg.dir,
        env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile, FORCE_COLOR: '1' },
      });
    } catch {
      ok = false;
    }
    const counts = countFromReport(reportFile);
    results.push({ name: `${pkg.name} ${kind}`, ...counts, ok: ok && counts.failed === 0 });
  }
  return results;
}
