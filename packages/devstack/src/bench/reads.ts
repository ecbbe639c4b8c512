import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createPool } from '@spark/db';
import type { Benchmark } from './harness.js';
import { measureReadEndpoints, measureReadQueries } from './scale-reads.js';
import { seedReadScaleSite } from './scale-reads-seed.js';

const run = promisify(execFile);
const DOMAIN = 'bench-reads.localhost';
/** SPARK_BENCH_READS_ARTICLES overrides (e.g. 10,000 for a quick look). */
const DEFAULT_ARTICLES = 100_000;
/** siteVersionKey and INVALIDATION_CHANNEL of @spark/contracts (not a dependency of this package). */
const versionKey = (siteId: string) => `spark:cache:site:${siteId}:version`;
const INVALIDATION_CHANNEL = 'spark:invalidate';

/** How the sitemap read articles before the SQL path: every published article through Directus, in slices. */
const SLICE = 10_000;

async function timeDirectusSitemapRead(directus: { url: string; token: string }, siteId: string) {
  const filter = JSON.stringify({ site_id: { _eq: siteId }, status: { _eq: 'published' } });
  const started = performance.now();
  let rows = 0;
  for (let offset = 0; ; offset += SLICE) {
    const query = `fields=slug,published_at,date_updated&sort=id&limit=${SLICE}&offset=${offset}`;
    const response = await fetch(
      `${directus.url}/items/generated_articles?${query}&filter=${encodeURIComponent(filter)}`,
      { headers: { authorization: `Bearer ${directus.token}` } },
    );
    if (!response.ok) throw new Error(`Directus answered ${response.status}`);
    const { data } = (await response.json()) as { data: unknown[] };
    rows += data.length;
    if (data.length < SLICE) break;
  }
  return { ms: performance.now() - started, rows };
}

/**
 * The read side of one site with 100,000 published articles: a 50,000-URL sitemap child, the admin article list
 * (each board column, deep pages, filters) and an area hub, over HTTP (p50/p95), and the statements behind them.
 * A cold sample follows a content-version bump, as the first request after a publish does.
 */
export const readsBenchmark: Benchmark = {
  name: 'reads',
  onlyWhenNamed: true,
  async run({ stack, report }) {
    const { env } = stack;
    const articles = Number(process.env.SPARK_BENCH_READS_ARTICLES ?? DEFAULT_ARTICLES);
    const pool = createPool(env.DATABASE_URL ?? '', { max: 2, statementTimeoutMs: 0 });
    try {
      const started = performance.now();
      const seed = await seedReadScaleSite(pool, { articles, domain: DOMAIN });
      report(
        'seeding',
        (performance.now() - started) / 1000,
        's',
        `${articles.toLocaleString('en')} articles`,
      );
      const hub = await pool.query<{ code: string }>(
        `select st.code from generated_articles a join geo_cities c on c.id = a.city_id
         join geo_states st on st.id = c.state_id where a.site_id = $1 and a.status = 'published' limit 1`,
        [seed.siteId],
      );
      const redisPort = new URL(env.REDIS_URL ?? '').port;
      const invalidate = async () => {
        await run('redis-cli', ['-p', redisPort, 'incr', versionKey(seed.siteId)]);
        const message = JSON.stringify({
          siteId: seed.siteId,
          collection: 'generated_articles',
          hostsChanged: false,
        });
        await run('redis-cli', ['-p', redisPort, 'publish', INVALIDATION_CHANNEL, message]);
      };
      const directusRead = await timeDirectusSitemapRead(
        { url: env.DIRECTUS_INTERNAL_URL ?? '', token: env.DIRECTUS_READ_TOKEN ?? '' },
        seed.siteId,
      );
      report(
        'before: the Directus reads a sitemap request made',
        directusRead.ms,
        'ms',
        `${directusRead.rows.toLocaleString('en')} articles in slices of ${SLICE.toLocaleString('en')}, SSR reader`,
      );
      for (const [label, figures] of Object.entries(await measureReadQueries(pool, seed.siteId))) {
        report(`SQL ${label} p50`, figures.p50, 'ms');
        report(`SQL ${label} p95`, figures.p95, 'ms', `${figures.samples} runs`);
      }
      const http = await measureReadEndpoints({
        baseUrl: env.FRONTEND_URL ?? '',
        host: DOMAIN,
        token: env.DIRECTUS_ADMIN_TOKEN ?? '',
        siteId: seed.siteId,
        hubPath: `/areas/${hub.rows[0]?.code.toLowerCase()}`,
        invalidate,
      });
      for (const [label, page] of [
        ['GET /sitemap-articles-1.xml', http.sitemap],
        ['GET /areas/<state> (hub)', http.hub],
      ] as const) {
        report(`${label} cold p50`, page.cold.p50, 'ms', 'first request after a content-version bump');
        report(
          `${label} cold p95`,
          page.cold.p95,
          'ms',
          `${page.cold.samples} requests, ${page.failures} not 200`,
        );
        report(`${label} warm p50`, page.warm.p50, 'ms');
        report(
          `${label} warm p95`,
          page.warm.p95,
          'ms',
          `${page.warm.samples} requests, ${page.bytes} bytes`,
        );
      }
      report('GET /api/seo/articles (board) p50', http.adminList.p50, 'ms');
      report(
        'GET /api/seo/articles (board) p95',
        http.adminList.p95,
        'ms',
        `${http.adminList.samples} requests over 7 query shapes, ${http.adminList.failures} not 200, target < 50 ms`,
      );
      const load = (await run('uptime', [])).stdout.trim();
      report('machine load (1 min)', Number(/load average: ([\d.]+)/.exec(load)?.[1] ?? Number.NaN), '');
    } finally {
      await pool.end();
    }
  },
};
