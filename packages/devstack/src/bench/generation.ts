import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createPool } from '@spark/db';
import { type RunningService, runStep, startService, stopServices } from '../processes.js';
import { createBenchLibrary } from './generation-library.js';
import { ARTICLES, BATCH, createCampaign, generate, plainInsert } from './generation-runs.js';
import type { BenchContext, Benchmark } from './harness.js';
import { measureSpintax } from './spintax-throughput.js';

/**
 * The worker as one esbuild bundle with the workspace packages inlined (npm packages stay external and
 * resolve from worker/node_modules, hence the output under worker/dist, which git ignores).
 */
const BUNDLE = 'worker/dist/bench-main.mjs';

function buildWorkerBundle(repoRoot: string): Promise<void> {
  const external = ['bullmq', 'ioredis', 'pg', 'zod'].map((name) => `--external:${name}`);
  return runStep(
    {
      name: 'worker-bundle',
      command: join(repoRoot, 'worker/node_modules/.bin/esbuild'),
      args: [
        'worker/src/main.ts',
        '--bundle',
        '--platform=node',
        '--format=esm',
        '--target=node20',
        ...external,
        `--outfile=${BUNDLE}`,
      ],
      cwd: repoRoot,
      env: process.env,
    },
    { echo: false },
  );
}

/** `SPARK_BENCH_CPU_PROF=<dir>` writes a V8 CPU profile of each bundled worker there (open in Chrome DevTools). */
function profileArgs(): string[] {
  const dir = process.env.SPARK_BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

function bundledWorker(repoRoot: string, env: Record<string, string>, name: string): RunningService {
  return startService(
    {
      name,
      command: process.execPath,
      args: [...profileArgs(), join(repoRoot, BUNDLE)],
      cwd: repoRoot,
      env: { ...process.env, ...env },
    },
    { echo: false },
  );
}

/**
 * Articles generated and committed per second end to end: the stack's worker as deployed (one process
 * under tsx, concurrency 2); then, with that worker stopped, the worker's esbuild bundle as one and as
 * two processes on the same queue. Next to it a plain batched INSERT of the same rows, and spintax
 * counting/unranking throughput. Stops the stack's worker: keep this benchmark last in the registry.
 */
export const generationBenchmark: Benchmark = {
  name: 'generation',
  async run({ repoRoot, stack, report }: BenchContext) {
    const { env } = stack;
    const pool = createPool(env.DATABASE_URL ?? '', { max: 4 });
    const extra: RunningService[] = [];
    try {
      const campaignId = await createCampaign(env, await createBenchLibrary(pool));
      const deployed = await generate(env, pool, campaignId);
      report(
        'end to end, 1 worker process (tsx, as deployed)',
        ARTICLES / deployed.seconds,
        'articles/s',
        `${ARTICLES} articles, avg ${deployed.words} words`,
      );
      report('  of which the API request (reserve + enqueue)', deployed.apiMs, 'ms');
      await stopServices(stack.stack.services.filter((service) => service.name === 'worker'));
      await buildWorkerBundle(repoRoot);
      extra.push(bundledWorker(repoRoot, env, 'bench-worker-1'));
      const bundled = await generate(env, pool, campaignId);
      report('end to end, 1 worker process (esbuild bundle)', ARTICLES / bundled.seconds, 'articles/s');
      extra.push(bundledWorker(repoRoot, env, 'bench-worker-2'));
      const scaled = await generate(env, pool, campaignId);
      report('end to end, 2 worker processes (esbuild bundle)', ARTICLES / scaled.seconds, 'articles/s');
      const plain = await plainInsert(pool, deployed.jobId);
      report(`plain INSERT of the same rows (${BATCH} per statement)`, plain, 'rows/s');
      for (const [label, run] of [
        ['tsx', deployed],
        ['bundle', bundled],
        ['bundle ×2', scaled],
      ] as const) {
        report(
          `ratio end to end / plain insert (${label})`,
          ARTICLES / run.seconds / plain,
          'x',
          'target ≥ 0.5',
        );
      }
      const spintax = await measureSpintax(repoRoot);
      report(
        'countVariants, fresh 40-group templates',
        spintax.countsPerSecond,
        'templates/s',
        `${spintax.variants} variants each`,
      );
      report('unrankVariant (N-th variant directly)', spintax.unranksPerSecond, 'variants/s');
      report('sampleVariantIndices (distinct, seeded)', spintax.samplesPerSecond, 'indices/s');
    } finally {
      await stopServices(extra);
      rmSync(join(repoRoot, BUNDLE), { force: true });
      await pool.end();
    }
  },
};
