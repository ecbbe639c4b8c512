import { type Pool, withTransaction } from '@spark/db';

// Dimensions every analytics table can be cut by; each source row fans out to one row per dimension.
const SHARED_DIMENSIONS = `('total', ''), ('path', coalesce(x.path, '')),
  ('referrer_host', coalesce(x.referrer_host, '')), ('utm_source', coalesce(x.utm_source, '')),
  ('utm_medium', coalesce(x.utm_medium, '')), ('utm_campaign', coalesce(x.utm_campaign, '')),
  ('device', coalesce(x.device, '')), ('browser', coalesce(x.browser, '')), ('os', coalesce(x.os, '')),
  ('country', coalesce(x.country, ''))`;

const inRange = `x.occurred_at >= $1::date::timestamp at time zone 'UTC'
  and x.occurred_at < ($2::date + 1)::timestamp at time zone 'UTC'
  and ($3::uuid is null or x.site_id = $3)`;
const dayOf = `(x.occurred_at at time zone 'UTC')::date`;
// The zone is explicit: the session's time zone must not move hour boundaries (e.g. +05:30).
const hourOf = `date_trunc('hour', x.occurred_at, 'UTC')`;

/**
 * Pageviews, events and conversions aggregated per (site, UTC day, dimension, value); the three sources are
 * summed into one row. Visitors are daily uniques of the metric's own table (pageviews for traffic dimensions,
 * events for `event`, conversions for `conversion_type`).
 */
const AGGREGATE = `
  select site_id, day, dimension, value, sum(pageviews) as pageviews, sum(visitors) as visitors,
         sum(sessions) as sessions, sum(events) as events, sum(conversions) as conversions,
         sum(conversion_value) as conversion_value
  from (
    select x.site_id, ${dayOf} as day, d.dimension, d.value, count(*) as pageviews,
           count(distinct x.visitor_hash) as visitors, count(distinct x.session_id) as sessions,
           0 as events, 0 as conversions, 0 as conversion_value
    from pageviews x cross join lateral (values ${SHARED_DIMENSIONS}) as d(dimension, value)
    where ${inRange} group by 1, 2, 3, 4
    union all
    select x.site_id, ${dayOf}, d.dimension, d.value, 0,
           case when d.dimension = 'event' then count(distinct x.visitor_hash) else 0 end, 0, count(*), 0, 0
    from events x cross join lateral (values ('total', ''), ('event', x.name)) as d(dimension, value)
    where ${inRange} group by 1, 2, 3, 4
    union all
    select x.site_id, ${dayOf}, d.dimension, d.value, 0,
           case when d.dimension = 'conversion_type' then count(distinct x.visitor_hash) else 0 end, 0, 0,
           count(*), coalesce(sum(x.value), 0)
    from conversions x cross join lateral (values ${SHARED_DIMENSIONS}, ('conversion_type', x.type))
      as d(dimension, value)
    where ${inRange} group by 1, 2, 3, 4
  ) as sources
  group by 1, 2, 3, 4`;

/**
 * The 'total' figures per (site, UTC hour) from the same three sources and the same day range as AGGREGATE, so a
 * day's hours add up to its daily 'total' row (visitors and sessions are per-hour uniques).
 */
const HOURLY = `
  select site_id, hour, sum(pageviews) as pageviews, sum(visitors) as visitors, sum(sessions) as sessions,
         sum(events) as events, sum(conversions) as conversions, sum(conversion_value) as conversion_value
  from (
    select x.site_id, ${hourOf} as hour, count(*) as pageviews, count(distinct x.visitor_hash) as visitors,
           count(distinct x.session_id) as sessions, 0 as events, 0 as conversions, 0 as conversion_value
    from pageviews x where ${inRange} group by 1, 2
    union all
    select x.site_id, ${hourOf}, 0, 0, 0, count(*), 0, 0 from events x where ${inRange} group by 1, 2
    union all
    select x.site_id, ${hourOf}, 0, 0, 0, 0, count(*), coalesce(sum(x.value), 0)
    from conversions x where ${inRange} group by 1, 2
  ) as sources
  group by 1, 2`;

/**
 * Recomputes the daily and hourly rollups of a UTC day range (inclusive) for one site or all, replacing what was
 * there in one transaction: readers see the old figures or the new ones, never a half-written day. Safe to run repeatedly
 * and from several workers (an advisory lock serialises them).
 */
export async function rollupDays(pool: Pool, from: string, to: string, siteId?: string): Promise<number> {
  return withTransaction(pool, async (client) => {
    await client.query(`select pg_advisory_xact_lock(hashtext('spark.analytics.rollups'))`);
    await client.query(
      `delete from analytics_daily_rollups where day between $1 and $2 and ($3::uuid is null or site_id = $3)`,
      [from, to, siteId ?? null],
    );
    const result = await client.query(
      `insert into analytics_daily_rollups
         (site_id, day, dimension, dimension_value, pageviews, visitors, sessions, events, conversions, conversion_value)
       ${AGGREGATE}`,
      [from, to, siteId ?? null],
    );
    await client.query(
      `delete from analytics_hourly_rollups
       where hour >= $1::date::timestamp at time zone 'UTC' and hour < ($2::date + 1)::timestamp at time zone 'UTC'
         and ($3::uuid is null or site_id = $3)`,
      [from, to, siteId ?? null],
    );
    await client.query(
      `insert into analytics_hourly_rollups
         (site_id, hour, pageviews, visitors, sessions, events, conversions, conversion_value)
       ${HOURLY}`,
      [from, to, siteId ?? null],
    );
    return result.rowCount ?? 0;
  });
}

/** Today and the `lookbackDays` before it, in UTC: late events of yesterday still land in yesterday. */
export function recentRange(lookbackDays: number, now = new Date()): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - lookbackDays * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}
