import { request } from 'node:http';
import { listAreaArticles, listSitemapArticles, type Pool, summarizeSitemapArticles } from '@spark/db';

/**
 * The read side of a large site, measured two ways (p50/p95 of repeated samples, never asserted):
 * - `measureReadQueries`: the statements behind a sitemap child, the sitemap index and the area hubs, timed
 *   through `@spark/db` against a database (e.g. one seeded by `seedReadScaleSite`);
 * - `measureReadEndpoints`: the HTTP answers of a running frontend: a 50,000-URL sitemap child, the admin
 *   article list (filter + sort + page) and an area hub. Rendered sitemaps and hubs are cached whole by the page
 *   cache, so a cold sample needs `invalidate` (e.g. bump the site's content version) before it; without it the
 *   first sample is the cold one and the rest are cache hits, reported apart.
 */
export interface Percentiles {
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

export function percentiles(durations: readonly number[]): Percentiles {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { samples: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN };
}

async function timed(samples: number, run: (i: number) => Promise<unknown>): Promise<Percentiles> {
  const durations: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const started = performance.now();
    await run(i);
    durations.push(performance.now() - started);
  }
  return percentiles(durations);
}

/** What the frontend passes: 50,000 URLs a child, and the slugs its other routes own. */
const SITEMAP = { chunkSize: 50_000, reservedSlugs: ['blog', 'areas', 'offline', 'form-sent'] };

export async function measureReadQueries(
  pool: Pool,
  siteId: string,
  samples = 20,
): Promise<Record<string, Percentiles>> {
  return {
    'sitemap child 1 (50,000 URLs)': await timed(samples, () =>
      listSitemapArticles(pool, siteId, 1, SITEMAP),
    ),
    'sitemap child 2': await timed(samples, () => listSitemapArticles(pool, siteId, 2, SITEMAP)),
    'sitemap index summary': await timed(samples, () => summarizeSitemapArticles(pool, siteId, SITEMAP)),
    'area articles (hub tree input, once per content version)': await timed(Math.min(samples, 5), () =>
      listAreaArticles(pool, siteId),
    ),
  };
}

export interface ReadEndpoints {
  /** The frontend, e.g. http://127.0.0.1:4321. */
  baseUrl: string;
  /** The tenant host of the large site (sitemaps and hubs are routed by Host). */
  host: string;
  /** An admin (or the site's editor) Bearer token for the admin API. */
  token: string;
  /** The large site's id (an administrator names the site the list is of). */
  siteId: string;
  /** A hub path of the site, e.g. /areas/tx. */
  hubPath: string;
  /** Samples of the admin list per query shape, and of each cached page once warm. */
  samples?: number;
  /** Samples of each cached page right after `invalidate` (its first request after a publish). */
  coldSamples?: number;
  /** Makes the site's cached pages stale, e.g. bumps its content version as a publish does. */
  invalidate?: () => Promise<void>;
}

interface Answer {
  status: number;
  bytes: number;
  cache: string | undefined;
}

/** node:http, because fetch drops a Host header. */
function get(baseUrl: string, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl), { headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => {
        const cache = res.headers['x-cache'];
        resolve({ status: res.statusCode ?? 0, bytes, cache: Array.isArray(cache) ? cache[0] : cache });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export interface PageFigures {
  /** Right after `invalidate`: the read path itself. */
  cold: Percentiles;
  /** Repeated without invalidation: what most requests cost. */
  warm: Percentiles;
  failures: number;
  bytes: number;
}

async function measurePage(options: ReadEndpoints, path: string): Promise<PageFigures> {
  const tenant = { host: options.host };
  let failures = 0;
  let bytes = 0;
  const ask = async () => {
    const answer = await get(options.baseUrl, path, tenant);
    if (answer.status !== 200) failures += 1;
    bytes = answer.bytes;
  };
  const cold: number[] = [];
  for (let i = 0; i < (options.invalidate ? (options.coldSamples ?? 5) : 1); i += 1) {
    await options.invalidate?.();
    const started = performance.now();
    await ask();
    cold.push(performance.now() - started);
  }
  const warm = await timed(options.samples ?? 20, ask);
  return { cold: percentiles(cold), warm, failures, bytes };
}

/** The admin list as the board asks for it: each column, deep pages, and the filters. */
const BOARD_QUERIES = [
  'status=published&limit=20&offset=0',
  'status=published&limit=20&offset=50000',
  'status=published&limit=20&offset=99980',
  'status=qc&limit=20&offset=0',
  'status=scheduled&limit=20&offset=0',
  'status=qc&flag=short&limit=20&offset=0',
  'status=published&city=county%201&limit=20&offset=0',
];

export async function measureReadEndpoints(options: ReadEndpoints) {
  const sitemap = await measurePage(options, '/sitemap-articles-1.xml');
  const hub = await measurePage(options, options.hubPath);
  const admin = { authorization: `Bearer ${options.token}` };
  let adminFailures = 0;
  const list = await timed((options.samples ?? 20) * BOARD_QUERIES.length, async (i) => {
    const answer = await get(
      options.baseUrl,
      `/api/seo/articles?site_id=${options.siteId}&${BOARD_QUERIES[i % BOARD_QUERIES.length]}`,
      admin,
    );
    if (answer.status !== 200) adminFailures += 1;
  });
  return { sitemap, hub, adminList: { ...list, failures: adminFailures } };
}

/** One line per figure, for a bench to print. */
export function formatPercentiles(label: string, figures: Percentiles): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return `  ${label.padEnd(56)} p50 ${ms(figures.p50).padStart(10)}  p95 ${ms(figures.p95).padStart(10)}  (n=${figures.samples})`;
}
