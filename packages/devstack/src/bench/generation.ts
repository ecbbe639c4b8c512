import { join } from 'node:path';
import { createPool } from '@spark/db';
import { type RunningService, startService, stopServices } from '../processes.js';
import { measureCpu, STACK_CPU_GROUPS } from './cpu-usage.js';
import { createBenchLibrary } from './generation-library.js';
import { ARTICLES, BATCH, createCampaign, generate, plainInsert, settle } from './generation-runs.js';
import type { BenchContext, Benchmark } from './harness.js';
import { measureSpintax } from './spintax-throughput.js';

/** `SPARK_BENCH_CPU_PROF=<dir>` writes a V8 CPU profile of the extra worker there (open in Chrome DevTools). */
function profileArgs(): string[] {
  const dir = process.env.SPARK_BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/** One more worker process from the stack's own bundle, on the same queue. */
function extraWorker(repoRoot: string, env: Record<string, string>, name: string): RunningService {
  const bundle = join(env.SPARK_WORKER_OUT_DIR ?? join(repoRoot, 'worker/dist'), 'main.mjs');
  return startService(
    {
      name,
      command: process.execPath,
      args: [...profileArgs(), bundle],
      cwd: repoRoot,
      env: { ...process.env, ...env },
    },
    { echo: false },
  );
}

const WARM_UP_ARTICLES = 2_000;

function reportCpu(report: BenchContext['report'], cpu: Record<string, number>): void {
  const perArticle = (seconds: number) => (seconds * 1e6) / ARTICLES;
  const parts = Object.entries(cpu).map(([name, seconds]) => `${name} ${perArticle(seconds).toFixed(0)}`);
  const total = Object.values(cpu).reduce((sum, seconds) => sum + seconds, 0);
  report('  CPU per article, all processes', perArticle(total), 'µs', parts.join(', '));
}

/**
 * Articles generated and committed per second end to end (API → queue → worker → PostgreSQL): the stack's
 * worker as deployed (its esbuild bundle, WORKER_CONCURRENCY chunks at once), then with a second worker
 * process on the same queue, each after an unmeasured warm-up job and once autovacuum is idle. Next to it a
 * plain batched INSERT of the same rows, and spintax counting/unranking throughput.
 */
export const generationBenchmark: Benchmark = {
  name: 'generation',
  async run({ repoRoot, stack, report }: BenchContext) {
    const { env } = stack;
    const pool = createPool(env.DATABASE_URL ?? '', { max: 4 });
    const extra: RunningService[] = [];
    try {
      const campaignId = await createCampaign(env, await createBenchLibrary(pool));
      await generate(env, pool, campaignId, WARM_UP_ARTICLES); // JIT, connection pools, caches: not measured
      await settle(pool);
      const { result: single, cpu: singleCpu } = await measureCpu(STACK_CPU_GROUPS, () =>
        generate(env, pool, campaignId),
      );
      report(
        'end to end, 1 worker process (as deployed)',
        ARTICLES / single.seconds,
        'articles/s',
        `${ARTICLES} articles, avg ${single.words} words`,
      );
      report('  of which the API request (reserve + enqueue)', single.apiMs, 'ms');
      reportCpu(report, singleCpu);
      extra.push(extraWorker(repoRoot, env, 'bench-worker-2'));
      await generate(env, pool, campaignId, WARM_UP_ARTICLES);
      await settle(pool);
      const { result: scaled, cpu: scaledCpu } = await measureCpu(STACK_CPU_GROUPS, () =>
        generate(env, pool, campaignId),
      );
      report('end to end, 2 worker processes', ARTICLES / scaled.seconds, 'articles/s');
      reportCpu(report, scaledCpu);
      await settle(pool);
      const client = process.cpuUsage();
      const { result: plain, cpu: plainCpu } = await measureCpu(STACK_CPU_GROUPS, () =>
        plainInsert(pool, single.jobId),
      );
      report(`plain INSERT of the same rows (${BATCH} per statement)`, plain, 'rows/s');
      const { user, system } = process.cpuUsage(client);
      reportCpu(report, { ...plainCpu, 'bench client': (user + system) / 1e6 });
      for (const [label, run] of [
        ['1 worker', single],
        ['2 workers', scaled],
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
      await pool.end();
    }
  },
};
