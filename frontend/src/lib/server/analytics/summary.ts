import type { AnalyticsSummary } from '@spark/contracts/api';
import { database } from '../connections.js';
import { readDropCounts } from './redis-pipeline.js';

export interface SummaryRange {
  siteId: string;
  from: string;
  to: string;
  /** Entries per ranked list. */
  limit: number;
}

interface Metrics {
  pageviews: number;
  visitors: number;
  sessions: number;
  events: number;
  conversions: number;
  revenue: number;
}

type MetricRow = Record<keyof Omit<Metrics, 'revenue'> | 'conversion_value', string>;

const toMetrics = (row: MetricRow): Metrics => ({
  pageviews: Number(row.pageviews),
  visitors: Number(row.visitors),
  sessions: Number(row.sessions),
  events: Number(row.events),
  conversions: Number(row.conversions),
  revenue: Number(row.conversion_value),
});

// Lists rank by the metric that dimension exists for; the SQL keeps only the top `limit` of each.
const RANKED = `
  select dimension, dimension_value as value, sum(pageviews) as pageviews, sum(visitors) as visitors,
         sum(sessions) as sessions, sum(events) as events, sum(conversions) as conversions,
         sum(conversion_value) as conversion_value,
         row_number() over (partition by dimension order by
           case dimension when 'event' then sum(events) when 'conversion_type' then sum(conversions)
                else sum(pageviews) end desc, dimension_value) as rank
  from analytics_daily_rollups
  where site_id = $1 and day between $2 and $3 and dimension <> 'total'
  group by dimension, dimension_value`;

type ListName = Exclude<keyof AnalyticsSummary, 'site_id' | 'from' | 'to' | 'totals' | 'series' | 'dropped'>;

/** Rollup dimension → the ranked list of the answer that shows it. */
const LISTS: Record<string, ListName> = {
  path: 'top_pages',
  referrer_host: 'referrers',
  utm_source: 'utm_sources',
  utm_medium: 'utm_mediums',
  utm_campaign: 'utm_campaigns',
  device: 'devices',
  browser: 'browsers',
  os: 'operating_systems',
  country: 'countries',
  event: 'events',
  conversion_type: 'conversions',
};

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * A site's dashboard for a UTC day range, read from the daily rollups only (never the raw event tables).
 * Visitors are summed daily uniques: hashes rotate daily by design, so uniques across days do not exist.
 */
export async function analyticsSummary({ siteId, from, to, limit }: SummaryRange): Promise<AnalyticsSummary> {
  const pool = database();
  const [series, ranked, dropped] = await Promise.all([
    pool.query<MetricRow & { day: string }>(
      `select day::text as day, pageviews, visitors, sessions, events, conversions, conversion_value
       from analytics_daily_rollups
       where site_id = $1 and day between $2 and $3 and dimension = 'total' order by day`,
      [siteId, from, to],
    ),
    pool.query<MetricRow & { dimension: string; value: string }>(
      `select * from (${RANKED}) ranked where rank <= $4 order by dimension, rank`,
      [siteId, from, to, limit],
    ),
    readDropCounts(siteId, daysBetween(from, to)).catch(() => ({})),
  ]);
  const days = series.rows.map((row) => ({ day: row.day, ...toMetrics(row) }));
  const totals = days.reduce<Metrics>(
    (sum, d) => ({
      pageviews: sum.pageviews + d.pageviews,
      visitors: sum.visitors + d.visitors,
      sessions: sum.sessions + d.sessions,
      events: sum.events + d.events,
      conversions: sum.conversions + d.conversions,
      revenue: Math.round((sum.revenue + d.revenue) * 100) / 100,
    }),
    { pageviews: 0, visitors: 0, sessions: 0, events: 0, conversions: 0, revenue: 0 },
  );
  // Every list is present, empty when the range has no rows for its dimension.
  const lists = {} as Record<ListName, ({ value: string } & Metrics)[]>;
  for (const name of Object.values(LISTS)) lists[name] = [];
  for (const row of ranked.rows) {
    const name = LISTS[row.dimension];
    if (name) lists[name]?.push({ value: row.value, ...toMetrics(row) });
  }
  return { site_id: siteId, from, to, totals, series: days, ...lists, dropped };
}
