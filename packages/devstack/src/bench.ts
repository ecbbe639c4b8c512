import { resolve } from 'node:path';
import { formatFigure } from './bench/harness.js';
import { BENCHMARKS } from './bench/registry.js';
import { log } from './processes.js';
import { startThrowawayStack } from './throwaway.js';

/**
 * `npm run bench [name…]`: starts a throwaway stack and runs the benchmarks (all but the named-only ones, or those
 * named), printing
 * figures. Figures are for comparing within one run (ratios); absolute numbers on shared machines are noise.
 */
const repoRoot = resolve(import.meta.dirname, '../../..');

async function main() {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const selected = BENCHMARKS.filter((b) =>
    wanted.length === 0 ? !b.onlyWhenNamed : wanted.includes(b.name),
  );
  if (selected.length === 0) {
    log(
      `No benchmark matches ${wanted.join(', ') || '(none registered)'}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
    );
    return;
  }
  const stack = await startThrowawayStack(repoRoot, 'bench');
  try {
    for (const benchmark of selected) {
      log(`bench · ${benchmark.name}`);
      await benchmark.run({
        repoRoot,
        stack,
        report: (label, value, unit, note) =>
          process.stdout.write(`${formatFigure(label, value, unit, note)}\n`),
      });
    }
  } finally {
    await stack.teardown();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
