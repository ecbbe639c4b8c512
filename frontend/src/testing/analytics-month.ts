import { ANALYTICS_QUEUE, analyticsJobs } from '@spark/contracts';
import type { Pool } from '@spark/db';
import { Queue, QueueEvents } from 'bullmq';

/**
 * A month of traffic for one site, written straight to the raw analytics tables (as the ingestion consumer
 * would) and rolled up by the worker's own job, so dashboards are tested on the figures production computes.
 * Days 1 to `days` before today (UTC) get 10 to 16 pageviews from a handful of visitors, three events with
 * props, and every other day a lead conversion; all paths start with `/seed-<tag>/`.
 */
export async function seedAnalyticsMonth(pool: Pool, siteId: string, tag: string, days = 28) {
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const shared = `from generate_series(1, $3::int) as d
    cross join lateral generate_series(0, 9 + d % 7) as n`;
  await pool.query(
    `insert into pageviews (occurred_at, site_id, event_id, visitor_hash, session_id, url, path, referrer_host,
       utm_source, utm_campaign, device, browser, os)
     select $2::timestamptz - make_interval(days => d) + make_interval(mins => n * 11), $1, gen_random_uuid(),
       'seed-' || $4 || '-' || d || '-' || n % (3 + d % 3), 'seed-' || $4 || '-' || d || '-' || n % 2,
       'http://seed.example/seed-' || $4 || '/p' || n % 4, '/seed-' || $4 || '/p' || n % 4,
       case when n % 3 = 0 then 'news.example' end, case when n % 4 = 1 then 'newsletter' end,
       case when n % 4 = 1 then 'spring' end, case when n % 2 = 0 then 'desktop' else 'mobile' end,
       case when n % 3 = 0 then 'Firefox' else 'Chrome' end, 'Linux'
     ${shared}`,
    [siteId, today, days, tag],
  );
  await pool.query(
    `insert into events (occurred_at, site_id, event_id, visitor_hash, path, name, props)
     select $2::timestamptz - make_interval(days => d) + make_interval(mins => n * 13), $1, gen_random_uuid(),
       'seed-' || $4 || '-' || d || '-0', '/seed-' || $4 || '/p0', 'cta_click',
       jsonb_build_object('button', case when n = 0 then 'quote' else 'call' end)
     from generate_series(1, $3::int) as d cross join generate_series(0, 2) as n`,
    [siteId, today, days, tag],
  );
  await pool.query(
    `insert into conversions (occurred_at, site_id, event_id, visitor_hash, path, type)
     select $2::timestamptz - make_interval(days => d) + interval '3 hours', $1, gen_random_uuid(),
       'seed-' || $4 || '-' || d || '-0', '/seed-' || $4 || '/p1', 'lead'
     from generate_series(2, $3::int, 2) as d`,
    [siteId, today, days, tag],
  );
  const first = new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const last = new Date(today.getTime() - 86_400_000).toISOString().slice(0, 10);
  await rollUpDays(first, last, siteId);
  return { from: first, to: last };
}

/** Leads created seconds ago (never before this week's Monday, UTC), the last of them spam. */
export async function seedRecentLeads(pool: Pool, siteId: string, tag: string, count: number) {
  await pool.query(
    `insert into leads (site_id, email, name, status, date_created)
     select $1, 'seed-' || $2 || '-' || n || '@example.com', 'Seed ' || n,
       case when n = $3 then 'spam' else 'new' end,
       greatest(now() - make_interval(secs => n), date_trunc('week', now() at time zone 'UTC') at time zone 'UTC')
     from generate_series(1, $3::int) as n`,
    [siteId, tag, count],
  );
}

/** Runs the worker's rollup job for a day range of one site, as a backfill would, and waits for it. */
export async function rollUpDays(from: string, to: string, siteId: string) {
  const connection = { url: process.env.REDIS_URL ?? '' };
  const queue = new Queue(ANALYTICS_QUEUE, { connection });
  const events = new QueueEvents(ANALYTICS_QUEUE, { connection });
  try {
    await events.waitUntilReady();
    const job = await queue.add(analyticsJobs.rollupDays.name, { from, to, siteId });
    await job.waitUntilFinished(events, 120_000);
  } finally {
    await events.close();
    await queue.close();
  }
}
