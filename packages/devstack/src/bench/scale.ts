import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPool, listSitemapArticles, type Pool } from '@spark/db';
import { runSuperuserSql } from '../postgres.js';
import { waitForJob } from './corpus.js';
import { measureCpu, STACK_CPU_GROUPS } from './cpu-usage.js';
import { createBenchLibrary } from './generation-library.js';
import { api, createCampaign, generate, settle } from './generation-runs.js';
import type { BenchContext, Benchmark } from './harness.js';
import { fingerprintArticles, seedArticles } from './scale-seed.js';
import { RESULT_REPORTER, reportRun, slugWalkScript, wrk } from './site-pages.js';
import { type LatencyFigures, measureLatency, timedGet, timeRepeated } from './timed-get.js';

/** Articles seeded into the site: `npm run bench scale -- --articles=1000000` (or SPARK_BENCH_SCALE_ARTICLES). */
const DEFAULT_ARTICLES = 100_000;
/** One generation run, the same size into the empty and into the seeded site. */
const CAMPAIGN_ARTICLES = 2_000;
const WARM_UP_ARTICLES = 500;
/** Alternating empty-site and seeded-site generation runs. */
const GENERATION_ROUNDS = 2;
/** Analysis jobs over a large site may take long before their fixes; the bench waits, it does not judge. */
const JOB_MINUTES = 60;
const REPEATS = 40;
/** Requests per admin-list query shape when each is measured on its own. */
const BOARD_SHAPE_REPEATS = 8;
const WRK_SECONDS = 10;
const WRK_SLUGS = 40_000;

/** The parts `--only=links,reads` picks (all when absent): to iterate on one part without the rest. */
const SCALE_PARTS = ['generation', 'duplicates', 'links', 'reads'] as const;
type ScalePart = (typeof SCALE_PARTS)[number];

export function scaleParts(argv: readonly string[]): ReadonlySet<ScalePart> {
  const flag = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  if (flag === undefined) return new Set(SCALE_PARTS);
  const named = flag.split(',').map((part) => part.trim());
  const unknown = named.filter((part) => !(SCALE_PARTS as readonly string[]).includes(part));
  if (unknown.length > 0 || named.length === 0)
    throw new Error(`--only takes ${SCALE_PARTS.join(', ')}; got ${flag}`);
  return new Set(named as ScalePart[]);
}

export function scaleArticleCount(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const flag = argv.find((arg) => arg.startsWith('--articles='))?.slice('--articles='.length);
  const value = Number(flag ?? env.SPARK_BENCH_SCALE_ARTICLES ?? DEFAULT_ARTICLES);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--articles must be a positive integer, got ${flag}`);
  return value;
}

const run = promisify(execFile);
const seconds = (since: number) => (performance.now() - since) / 1000;

/** The job's own run time (started_at → finished_at), without the time it waited in the queue. */
async function jobSeconds(pool: Pool, jobId: string): Promise<number> {
  const { rows } = await pool.query<{ s: number }>(
    'select extract(epoch from finished_at - started_at)::float8 as s from generation_jobs where id = $1',
    [jobId],
  );
  return rows[0]?.s ?? Number.NaN;
}

async function measureGeneration(
  context: BenchContext,
  pool: Pool,
  campaignId: string,
  label: string,
): Promise<number> {
  await settle(pool);
  const run = await generate(context.stack.env, pool, campaignId, CAMPAIGN_ARTICLES);
  const rate = CAMPAIGN_ARTICLES / run.seconds;
  context.report(label, rate, 'articles/s', `${CAMPAIGN_ARTICLES} articles, avg ${run.words} words`);
  return rate;
}

/** CPU seconds per process group, for a note next to a wall time: `PostgreSQL 12.3 s, worker 4.1 s`. */
const cpuNote = (cpu: Record<string, number>) =>
  `CPU ${Object.entries(cpu)
    .map(([group, used]) => `${group} ${used.toFixed(1)} s`)
    .join(', ')}`;

/**
 * One analysis job from its request to its end: the job's own run time, the wall time from the request, and the
 * CPU the stack's processes used meanwhile (on a shared machine the job's time includes waiting for a core).
 */
async function measureAnalysis(
  context: BenchContext,
  pool: Pool,
  path: string,
  body: Record<string, unknown>,
): Promise<{ jobId: string; wall: number; job: number; cpu: string }> {
  await settle(pool);
  const started = performance.now();
  const { result: jobId, cpu } = await measureCpu(STACK_CPU_GROUPS, async () => {
    const { job_id: id } = await api<{ job_id: string }>(context.stack.env, path, body);
    await waitForJob(pool, id, JOB_MINUTES);
    return id;
  });
  return { jobId, wall: seconds(started), job: await jobSeconds(pool, jobId), cpu: cpuNote(cpu) };
}

/** siteVersionKey and INVALIDATION_CHANNEL of @spark/contracts (not a dependency of this package). */
const versionKey = (siteId: string) => `spark:cache:site:${siteId}:version`;
const INVALIDATION_CHANNEL = 'spark:invalidate';
/** What the frontend passes: 50,000 URLs a child, and the slugs its other routes own. */
const SITEMAP = { chunkSize: 50_000, reservedSlugs: ['blog', 'areas', 'offline', 'form-sent'] };
/** How the sitemap read articles before its SQL path: every published article through Directus, in slices. */
const DIRECTUS_SLICE = 10_000;

/** Makes the site's cached pages stale as a publish does: bumps its content version and announces it. */
function contentVersionBump(redisUrl: string, siteId: string): () => Promise<void> {
  const port = new URL(redisUrl).port;
  const message = JSON.stringify({ siteId, collection: 'generated_articles', hostsChanged: false });
  return async () => {
    await run('redis-cli', ['-p', port, 'incr', versionKey(siteId)]);
    await run('redis-cli', ['-p', port, 'publish', INVALIDATION_CHANNEL, message]);
  };
}

/** The baseline of the sitemap child: the Directus reads a sitemap request made before the SQL path. */
async function timeDirectusSitemapRead(directus: { url: string; token: string }, siteId: string) {
  const filter = JSON.stringify({ site_id: { _eq: siteId }, status: { _eq: 'published' } });
  const started = performance.now();
  let rows = 0;
  for (let offset = 0; ; offset += DIRECTUS_SLICE) {
    const query = `fields=slug,published_at,date_updated&sort=id&limit=${DIRECTUS_SLICE}&offset=${offset}`;
    const response = await fetch(
      `${directus.url}/items/generated_articles?${query}&filter=${encodeURIComponent(filter)}`,
      { headers: { authorization: `Bearer ${directus.token}` } },
    );
    if (!response.ok) throw new Error(`Directus answered ${response.status}`);
    const { data } = (await response.json()) as { data: unknown[] };
    rows += data.length;
    if (data.length < DIRECTUS_SLICE) break;
  }
  return { ms: performance.now() - started, rows };
}

function reportLatency(report: BenchContext['report'], label: string, figures: LatencyFigures, note = '') {
  report(
    `${label}, p95`,
    figures.p95,
    'ms',
    `p50 ${figures.p50.toFixed(1)}, first ${figures.first.toFixed(0)} ms, ${figures.samples} samples, ${figures.failed} failed${note}`,
  );
}

/**
 * The read side through the stack's frontend: the sitemap child (its SQL statement, the first request, cold
 * after a publish and cached, next to the Directus reads it replaced), the admin article list as the board asks
 * for it, the areas index and hubs, and cold distinct and cached article pages under wrk.
 */
async function measureReads(
  { stack, report }: BenchContext,
  pool: Pool,
  site: { id: string; domain: string; campaignId: string; articles: number },
): Promise<void> {
  const { env } = stack;
  const frontend = env.FRONTEND_URL ?? '';
  const tenant = { host: site.domain };
  const publish = contentVersionBump(env.REDIS_URL ?? '', site.id);

  const sitemapSql = await timeRepeated(REPEATS / 4, () => listSitemapArticles(pool, site.id, 1, SITEMAP));
  report('sitemap child 1, SQL statement p50', sitemapSql.p50, 'ms', `p95 ${sitemapSql.p95.toFixed(0)} ms`);
  const sitemap = await timedGet(frontend, '/sitemap-articles-1.xml', tenant);
  const urls = sitemap.body.split('<url>').length - 1;
  report(
    'sitemap child /sitemap-articles-1.xml, first',
    sitemap.ms,
    'ms',
    `${urls} URLs, status ${sitemap.status}; target < 300 ms`,
  );
  const sitemapCold = await measureLatency(frontend, ['/sitemap-articles-1.xml'], tenant, 4, publish);
  reportLatency(report, '  sitemap child after a publish', sitemapCold);
  const sitemapCached = await measureLatency(frontend, ['/sitemap-articles-1.xml'], tenant, REPEATS / 4);
  reportLatency(report, '  sitemap child cached', sitemapCached);
  const directus = await timeDirectusSitemapRead(
    { url: env.DIRECTUS_INTERNAL_URL ?? '', token: env.DIRECTUS_READ_TOKEN ?? '' },
    site.id,
  );
  report(
    '  baseline: the Directus reads it replaced',
    directus.ms,
    'ms',
    `${directus.rows} articles in slices of ${DIRECTUS_SLICE}`,
  );

  const admin = { authorization: `Bearer ${env.DIRECTUS_ADMIN_TOKEN}` };
  const listPath = (query: string) => `/api/seo/articles?site_id=${site.id}&limit=20&${query}`;
  const deepOffsets = [0.25, 0.5, 0.75, 0.99].map((share) => Math.floor((share * site.articles) / 20) * 20);
  const shapes = [
    'status=published&offset=0',
    ...deepOffsets.map((offset) => `status=published&offset=${offset}`),
    `status=published&campaign_id=${site.campaignId}&offset=20`,
    'status=qc&offset=0',
    'status=scheduled&offset=0',
    'status=qc&flag=short&offset=0',
    ...['A', 'Ch', 'Dal', 'R'].map((city) => `status=published&city=${city}&offset=0`),
  ];
  const board = await measureLatency(frontend, shapes.map(listPath), admin, REPEATS);
  reportLatency(
    report,
    'admin article list (filter + sort + page)',
    board,
    `; each column, deep pages to offset ${deepOffsets.at(-1)}, flag and city filters; target < 50 ms`,
  );
  // Each shape on its own, so a slow one is named rather than hidden in the mix's percentile.
  for (const shape of shapes) {
    const figures = await measureLatency(frontend, [listPath(shape)], admin, BOARD_SHAPE_REPEATS);
    reportLatency(report, `  ${shape.replace(site.campaignId, '<campaign>')}`, figures);
  }

  const index = await timedGet(frontend, '/areas', tenant);
  const hubs = [...index.body.matchAll(/href="(\/areas\/[^"/]+)"/g)].map((match) => match[1] as string);
  report('areas index /areas, first', index.ms, 'ms', `status ${index.status}, ${hubs.length} state hubs`);
  if (hubs.length > 0) {
    const hubCold = await measureLatency(frontend, hubs.slice(0, 1), tenant, 2, publish);
    reportLatency(report, `hub page ${hubs[0]} after a publish`, hubCold, "; rebuilds the site's hub tree");
    const hub = await measureLatency(frontend, hubs.slice(0, 3), tenant, REPEATS);
    reportLatency(report, 'hub/listing pages', hub, `; ${hubs.slice(0, 3).join(', ')}; target < 50 ms`);
  }

  const dir = mkdtempSync(join(tmpdir(), 'spark-bench-scale-'));
  try {
    const { rows } = await pool.query<{ slug: string }>(
      `select slug from generated_articles where campaign_id = $1 and status = 'published'
       order by md5(id::text) limit $2`,
      [site.campaignId, WRK_SLUGS],
    );
    const slugFile = join(dir, 'slugs.txt');
    writeFileSync(slugFile, `${rows.map((row) => row.slug).join('\n')}\n`);
    const cold = reportRun(
      report,
      'cold distinct article pages',
      await wrk(dir, 'scale-cold', slugWalkScript(slugFile, site.domain), frontend, WRK_SECONDS),
    );
    const one = rows[0]?.slug ?? '';
    const cachedScript = `wrk.headers["Host"] = "${site.domain}"\n${RESULT_REPORTER}`;
    await wrk(dir, 'scale-warm', cachedScript, `${frontend}/${one}`, 2);
    const cached = reportRun(
      report,
      'cached article page',
      await wrk(dir, 'scale-cached', cachedScript, `${frontend}/${one}`, WRK_SECONDS),
    );
    report('ratio cold / cached article page', cold / cached, 'ratio', 'target ≥ 0.2');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One site at programmatic-SEO scale: generation into the empty site, then the site seeded with 100,000
 * published articles (set-based SQL, fingerprints as the generator writes them), the same generation again,
 * a duplicate scan of the whole site, insert-links over the seeded campaign, and the read side through the
 * stack's frontend (sitemap child, admin list, hub page, cold and cached article pages).
 */
async function runScaleBench(context: BenchContext): Promise<void> {
  const { stack, report } = context;
  const articles = scaleArticleCount(process.argv, process.env);
  const parts = scaleParts(process.argv);
  const pool = createPool(stack.env.DATABASE_URL ?? '', { max: 4 });
  const load = () =>
    `load ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} on ${availableParallelism()} cores`;
  try {
    report('machine load at start (1-min average)', loadavg()[0] ?? 0, '', load());
    // The warm-up (JIT, pools, caches) runs on a site of its own, so no measured run pays for it.
    const warmUpLibrary = await createBenchLibrary(pool);
    await generate(
      stack.env,
      pool,
      await createCampaign(stack.env, warmUpLibrary, 'Scale: warm-up'),
      WARM_UP_ARTICLES,
    );

    const library = await createBenchLibrary(pool);
    const seeded = await createCampaign(stack.env, library, 'Scale: seeded');
    const seedStarted = performance.now();
    await seedArticles(pool, { siteId: library.siteId, campaignId: seeded }, articles, (written) => {
      if (written % 50_000 === 0) process.stdout.write(`  … ${written} articles seeded\n`);
    });
    const rowsSeconds = seconds(seedStarted);
    const fingerprintStarted = performance.now();
    await fingerprintArticles(pool, seeded);
    const fingerprintSeconds = seconds(fingerprintStarted);
    await pool.query('vacuum analyze generated_articles');
    await pool.query('vacuum analyze article_fingerprints');
    // The seed's gigabyte of fresh pages goes to disk now, as a real site's would have long before its linking run:
    // otherwise that checkpoint (and the full-page images every first change after it writes) lands in the first
    // measured job. The same insert-links code, two runs each: 76.8 and 76.4 s without this, 70.2 and 61.4 s with it.
    runSuperuserSql('checkpoint');
    const { rows: counts } = await pool.query<{ n: number }>(
      `select count(*)::int as n from generated_articles where site_id = $1 and status = 'published'`,
      [library.siteId],
    );
    const published = counts[0]?.n ?? 0;
    report(
      'seed: published articles in the site',
      published,
      '',
      `${articles} seeded in ${seconds(seedStarted).toFixed(0)} s`,
    );
    report('  seed: article rows (INSERT … SELECT)', rowsSeconds, 's');
    report('  seed: fingerprints (MinHash in batches)', fingerprintSeconds, 's');

    if (parts.has('generation')) {
      // Empty and seeded runs alternate after the seeding, so both meet the same aftermath (checkpoints,
      // autovacuum) and the same neighbours' load; each empty run gets a fresh site and library.
      const generated = await createCampaign(stack.env, library, 'Scale: generated');
      const emptyRates: number[] = [];
      const fullRates: number[] = [];
      for (let round = 1; round <= GENERATION_ROUNDS; round += 1) {
        const fresh = await createBenchLibrary(pool);
        const freshCampaign = await createCampaign(stack.env, fresh, 'Scale: empty site');
        emptyRates.push(
          await measureGeneration(
            context,
            pool,
            freshCampaign,
            `generation into an empty site, round ${round}`,
          ),
        );
        fullRates.push(
          await measureGeneration(
            context,
            pool,
            generated,
            `generation into the ${published}-article site, round ${round}`,
          ),
        );
      }
      const best = (rates: number[]) => Math.max(...rates);
      report(
        'ratio generation seeded / empty site (best of each)',
        best(fullRates) / best(emptyRates),
        'ratio',
        `target ≥ 0.8; ${load()}`,
      );
    }
    if (parts.has('duplicates')) {
      const scan = await measureAnalysis(context, pool, '/api/seo/scan-duplicates', {
        site_id: library.siteId,
      });
      const { rows: flags } = await pool.query<{ n: number }>(
        `select count(*)::int as n from quality_flags where details->>'scan_job' = $1`,
        [scan.jobId],
      );
      report(
        'duplicate scan of the whole site',
        scan.job,
        's',
        `${flags[0]?.n ?? 0} pairs flagged, ${scan.wall.toFixed(1)} s from the request, ${scan.cpu}; target < 15 s; ${load()}`,
      );
    }
    if (parts.has('links')) {
      const links = await measureAnalysis(context, pool, '/api/seo/insert-links', { campaign_id: seeded });
      const { rows: linkRows } = await pool.query<{ n: number }>(
        'select count(*)::int as n from article_links where site_id = $1',
        [library.siteId],
      );
      report(
        'insert-links over the seeded campaign',
        links.job,
        's',
        `${linkRows[0]?.n ?? 0} links recorded, ${links.wall.toFixed(1)} s from the request, ${links.cpu}; target < 60 s; ${load()}`,
      );
    }
    if (parts.has('reads')) {
      const { rows: sites } = await pool.query<{ domain: string }>('select domain from sites where id = $1', [
        library.siteId,
      ]);
      await measureReads(context, pool, {
        id: library.siteId,
        domain: sites[0]?.domain ?? '',
        campaignId: seeded,
        articles,
      });
    }
    report('machine load at the end (1-min average)', loadavg()[0] ?? 0, '', load());
  } finally {
    await pool.end();
  }
}

export const scaleBenchmark: Benchmark = { name: 'scale', onlyWhenNamed: true, run: runScaleBench };
