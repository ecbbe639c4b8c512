import { createPool, type Pool } from '@spark/db';
import type { BenchContext, Benchmark } from './harness.js';

/** Pageviews seeded into one site's monthly partitions; SPARK_BENCH_PAGEVIEWS overrides (e.g. for a quick look). */
const DEFAULT_PAGEVIEWS = 5_000_000;
const CHUNK = 500_000;
const REQUESTS = 50;
const WARM_UP = 3;
const COUNT_RUNS = 10;
const DAY_MS = 86_400_000;

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function timed(runs: number, once: () => Promise<void>) {
  for (let i = 0; i < WARM_UP; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * Pageviews over days 2 to 31 before today (the worker's scheduled rollup covers today and yesterday only, so it
 * never recomputes them during the measurement). Ids are sequential uuids so index inserts append; 300 paths,
 * 40,000 visitors, a few referrers, devices and browsers.
 */
async function seedPageviews(pool: Pool, siteId: string, total: number, report: BenchContext['report']) {
  const prefix = siteId.replaceAll('-', '').slice(0, 8);
  const started = performance.now();
  for (let first = 0; first < total; first += CHUNK) {
    const last = Math.min(total, first + CHUNK) - 1;
    await pool.query(
      `insert into pageviews (id, occurred_at, site_id, event_id, visitor_hash, session_id, url, path,
         referrer_host, utm_source, device, browser, os)
       select (p || '0' || lpad(to_hex(i), 23, '0'))::uuid,
         $2::timestamptz - make_interval(days => (2 + i % 30)::int)
           + make_interval(secs => ((i / 30) % 86400)::float8),
         $1, (p || '1' || lpad(to_hex(i), 23, '0'))::uuid,
         'v' || i % 40000, 's' || i % 90000, 'http://bench.localhost/p/' || i % 300, '/p/' || i % 300,
         (array['www.google.com', 'news.example', null, null])[1 + i % 4],
         (array['newsletter', null, null])[1 + i % 3],
         (array['desktop', 'mobile', 'tablet'])[1 + i % 3],
         (array['Chrome', 'Firefox', 'Safari', 'Edge'])[1 + i % 4], 'Linux'
       from generate_series($3::bigint, $4::bigint) as i, (select $5::text as p) as prefix`,
      [siteId, new Date(`${day(0)}T00:00:00Z`), first, last, prefix],
    );
  }
  report(
    'seeding pageviews',
    (performance.now() - started) / 1000,
    's',
    `${total.toLocaleString('en')} rows`,
  );
}

/**
 * Daily rollups of the seeded rows for the dimensions the pages read, in one grouping-sets pass, and their hourly
 * totals: a stand-in for
 * the worker's rollup job (same table and meaning), which the benchmark cannot enqueue. Only read speed is measured.
 */
async function rollUp(pool: Pool, siteId: string, report: BenchContext['report']) {
  const started = performance.now();
  await pool.query(
    `insert into analytics_daily_rollups (site_id, day, dimension, dimension_value, pageviews, visitors, sessions)
     select $1, day,
       case when grouping(path) = 0 then 'path' when grouping(referrer) = 0 then 'referrer_host'
            when grouping(device) = 0 then 'device' when grouping(browser) = 0 then 'browser'
            when grouping(utm) = 0 then 'utm_source' else 'total' end,
       coalesce(path, referrer, device, browser, utm, ''),
       count(*), count(distinct visitor_hash), count(distinct session_id)
     from (select (occurred_at at time zone 'UTC')::date as day, path, coalesce(referrer_host, '') as referrer,
                  coalesce(device, '') as device, coalesce(browser, '') as browser,
                  coalesce(utm_source, '') as utm, visitor_hash, session_id
           from pageviews where site_id = $1) as x
     group by grouping sets ((day), (day, path), (day, referrer), (day, device), (day, browser), (day, utm))`,
    [siteId],
  );
  await pool.query(
    `insert into analytics_hourly_rollups (site_id, hour, pageviews, visitors, sessions)
     select $1, date_trunc('hour', occurred_at, 'UTC'), count(*), count(distinct visitor_hash),
       count(distinct session_id)
     from pageviews where site_id = $1 group by 2`,
    [siteId],
  );
  await pool.query('analyze pageviews');
  await pool.query('analyze analytics_daily_rollups');
  await pool.query('analyze analytics_hourly_rollups');
  report('rolling up', (performance.now() - started) / 1000, 's');
}

/**
 * The admin dashboard and analytics routes on a site with millions of pageviews, timed on loopback (so what is
 * measured is the server) next to a plain `select count(*)` of the same rows. The pages read the daily rollups
 * (and the hourly ones for a two-day range), so their time should not grow with the raw table.
 */
export const dashboardBenchmark: Benchmark = {
  name: 'dashboard',
  onlyWhenNamed: true,
  async run({ stack, report }) {
    const { env } = stack;
    const total = Number(process.env.SPARK_BENCH_PAGEVIEWS ?? DEFAULT_PAGEVIEWS);
    // Seeding and rolling up millions of rows runs past the default statement timeout.
    const pool = createPool(env.DATABASE_URL ?? '', { max: 2, statementTimeoutMs: 0 });
    try {
      const { rows } = await pool.query<{ id: string }>(
        `insert into sites (name, domain) values ('Bench dashboard', 'bench-dashboard.localhost')
         on conflict (domain) do update set name = excluded.name returning id`,
      );
      const siteId = rows[0]?.id ?? '';
      await seedPageviews(pool, siteId, total, report);
      await rollUp(pool, siteId, report);
      const get = (path: string) => async () => {
        const response = await fetch(new URL(path, env.FRONTEND_URL), {
          headers: { authorization: `Bearer ${env.DIRECTUS_ADMIN_TOKEN}` },
        });
        const text = await response.text();
        if (!response.ok) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 300)}`);
      };
      const month = `site_id=${siteId}&from=${day(29)}&to=${day(0)}`;
      const routes: [string, string][] = [
        ['GET /api/admin/dashboard', `/api/admin/dashboard?site_id=${siteId}`],
        ['GET /api/admin/analytics (30 days)', `/api/admin/analytics?${month}`],
        [
          'GET /api/admin/analytics (2 days, hourly)',
          `/api/admin/analytics?site_id=${siteId}&from=${day(3)}&to=${day(2)}`,
        ],
        ['GET /api/analytics/summary (30 days)', `/api/analytics/summary?${month}`],
      ];
      for (const [label, path] of routes) {
        const { p50, p95 } = await timed(REQUESTS, get(path));
        report(`${label} p50`, p50, 'ms');
        report(`${label} p95`, p95, 'ms', `${REQUESTS} requests, target < 100 ms`);
      }
      const count = await timed(COUNT_RUNS, async () => {
        await pool.query('select count(*) from pageviews where site_id = $1', [siteId]);
      });
      report('select count(*) of the same pageviews p50', count.p50, 'ms');
      report('select count(*) of the same pageviews p95', count.p95, 'ms', `${COUNT_RUNS} runs`);
    } finally {
      await pool.end();
    }
  },
};
