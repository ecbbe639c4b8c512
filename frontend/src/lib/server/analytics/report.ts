import type { AnalyticsReport } from '@spark/contracts/admin';
import { HOURLY_MAX_DAYS } from '@spark/contracts/admin';
import { type DayRange, daysOf, hoursOf, previousPeriod, rangeLength, zeroFilled } from '@spark/core';
import { database } from '../connections.js';
import { analyticsSummary, type SummaryRange } from './summary.js';

const METRICS = ['visitors', 'pageviews', 'conversions'] as const;
type Metric = (typeof METRICS)[number];
const EVENT_PROP_ROWS = 30;

const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
const startOf = (day: string) => new Date(`${day}T00:00:00Z`);

/** Range totals from the daily rollups (the same rows the summary adds up) and the range's leads. */
async function periodTotals(siteId: string, range: DayRange) {
  const db = database();
  const [rollup, leads] = await Promise.all([
    db.query<Record<Metric, string | null>>(
      `select sum(visitors) as visitors, sum(pageviews) as pageviews, sum(conversions) as conversions
       from analytics_daily_rollups where site_id = $1 and dimension = 'total' and day between $2 and $3`,
      [siteId, range.from, range.to],
    ),
    countLeads(siteId, range),
  ]);
  const row = rollup.rows[0];
  return {
    ...range,
    visitors: Number(row?.visitors ?? 0),
    pageviews: Number(row?.pageviews ?? 0),
    conversions: Number(row?.conversions ?? 0),
    leads,
  };
}

async function countLeads(siteId: string, range: DayRange): Promise<number> {
  const { rows } = await database().query<{ n: number }>(
    `select count(*)::int as n from leads
     where site_id = $1 and date_created >= $2 and date_created < $3 and status <> 'spam'`,
    [siteId, startOf(range.from), endOf(range.to)],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Per-hour figures from the hourly rollups, which the rollup job writes with the daily ones (so the hours of a
 * day add up to that day's totals); one index range on (site_id, hour). Visitors are distinct per hour.
 */
async function hourlySeries(siteId: string, range: DayRange) {
  const { rows } = await database().query<{ hour: Date } & Record<Metric, string>>(
    `select hour, visitors, pageviews, conversions from analytics_hourly_rollups
     where site_id = $1 and hour >= $2 and hour < $3`,
    [siteId, startOf(range.from), endOf(range.to)],
  );
  const byHour = new Map(
    rows.map((row) => [
      row.hour.toISOString(),
      {
        visitors: Number(row.visitors),
        pageviews: Number(row.pageviews),
        conversions: Number(row.conversions),
      },
    ]),
  );
  return zeroFilled(hoursOf(range), byHour, METRICS).map(({ key, ...metrics }) => ({
    hour: key,
    ...metrics,
  }));
}

/** The commonest event property values; props are free-form, so they exist only in the raw events. */
async function eventProps(siteId: string, range: DayRange) {
  const { rows } = await database().query<{ event: string; prop: string; value: string; count: number }>(
    `select e.name as event, p.key as prop, p.value, count(*)::int as count
     from events e cross join lateral jsonb_each_text(e.props) p
     where e.site_id = $1 and e.occurred_at >= $2 and e.occurred_at < $3
     group by 1, 2, 3 order by 4 desc, 1, 2, 3 limit $4`,
    [siteId, startOf(range.from), endOf(range.to), EVENT_PROP_ROWS],
  );
  return rows;
}

/**
 * The analytics page: the summary (the same figures `/api/analytics/summary` answers), a zero-filled daily
 * series, an hourly one for short ranges, the previous period, the funnel to leads and event properties.
 */
export async function analyticsReport(range: SummaryRange): Promise<AnalyticsReport> {
  const { siteId } = range;
  const short = rangeLength(range) <= HOURLY_MAX_DAYS;
  const [summary, current, previous, hourly, props] = await Promise.all([
    analyticsSummary(range),
    periodTotals(siteId, range),
    periodTotals(siteId, previousPeriod(range)),
    short ? hourlySeries(siteId, range) : Promise.resolve(null),
    eventProps(siteId, range),
  ]);
  const byDay = new Map(summary.series.map((day) => [day.day, day]));
  const daily = zeroFilled(daysOf(range), byDay, METRICS).map(({ key, ...metrics }) => ({
    day: key,
    ...metrics,
  }));
  return {
    summary,
    daily,
    hourly,
    current,
    previous,
    funnel: [
      { step: 'visitors', count: current.visitors },
      { step: 'pageviews', count: current.pageviews },
      { step: 'leads', count: current.leads },
    ],
    event_props: props,
  };
}
