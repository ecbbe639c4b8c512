import { randomBytes, randomUUID } from 'node:crypto';
import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollupDays } from './rollup-days.js';

const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
let siteId = '';
const DAY = '2025-03-14';

async function pageview(
  path: string,
  visitor: string,
  session: string,
  referrer: string | null,
  at = `${DAY}T10:00:00Z`,
) {
  await pool.query(
    `insert into pageviews (occurred_at, site_id, event_id, visitor_hash, session_id, url, path, referrer_host, device)
     values ($1, $2, $3, $4, $5, $6, $6, $7, 'mobile')`,
    [at, siteId, randomUUID(), visitor, session, path, referrer],
  );
}

async function rollup(dimension: string) {
  const { rows } = await pool.query(
    `select dimension_value as value, pageviews::int, visitors::int, sessions::int, events::int, conversions::int,
            conversion_value::float as value_sum
     from analytics_daily_rollups where site_id = $1 and day = $2 and dimension = $3 order by dimension_value`,
    [siteId, DAY, dimension],
  );
  return rows;
}

async function hourly(day = DAY) {
  const { rows } = await pool.query<{
    hour: Date;
    pageviews: number;
    visitors: number;
    sessions: number;
    events: number;
    conversions: number;
    value_sum: number;
  }>(
    `select hour, pageviews::int, visitors::int, sessions::int, events::int, conversions::int,
            conversion_value::float as value_sum
     from analytics_hourly_rollups
     where site_id = $1 and hour >= $2::date::timestamp at time zone 'UTC'
       and hour < ($2::date + 1)::timestamp at time zone 'UTC'
     order by hour`,
    [siteId, day],
  );
  return rows.map((row) => ({ ...row, hour: row.hour.toISOString() }));
}

describe('rollupDays', () => {
  beforeAll(async () => {
    const domain = `roll${randomBytes(4).toString('hex')}.localhost`;
    const { rows } = await pool.query<{ id: string }>(
      `insert into sites (name, domain) values ('R', $1) returning id`,
      [domain],
    );
    siteId = rows[0]?.id ?? '';
    await pool.query(`select ensure_analytics_partitions($1::date, 1)`, [DAY]);
    await pageview('/a', 'v1', 's1', 'google.com');
    await pageview('/a', 'v1', 's1', null);
    await pageview('/b', 'v2', 's2', null);
    await pageview('/b', 'v2', 's3', null, '2025-03-15T00:00:01Z'); // the next UTC day
    await pool.query(
      `insert into events (occurred_at, site_id, event_id, visitor_hash, name) values ($1, $2, $3, 'v1', 'cta')`,
      [`${DAY}T11:00:00Z`, siteId, randomUUID()],
    );
    await pool.query(
      `insert into conversions (occurred_at, site_id, event_id, visitor_hash, path, type, value, currency)
       values ($1, $2, $3, 'v2', '/b', 'purchase', 30, 'USD'), ($1, $2, $4, 'v1', '/a', 'purchase', 12.5, 'USD')`,
      [`${DAY}T12:00:00Z`, siteId, randomUUID(), randomUUID()],
    );
  });
  afterAll(async () => {
    await pool.query('delete from sites where id = $1', [siteId]);
    await pool.end();
  });

  it('aggregates one UTC day per dimension, combining pageviews, events and conversions', async () => {
    await rollupDays(pool, DAY, DAY, siteId);
    expect(await rollup('total')).toEqual([
      { value: '', pageviews: 3, visitors: 2, sessions: 2, events: 1, conversions: 2, value_sum: 42.5 },
    ]);
    expect(await rollup('path')).toEqual([
      { value: '/a', pageviews: 2, visitors: 1, sessions: 1, events: 0, conversions: 1, value_sum: 12.5 },
      { value: '/b', pageviews: 1, visitors: 1, sessions: 1, events: 0, conversions: 1, value_sum: 30 },
    ]);
    expect((await rollup('referrer_host')).map((r) => [r.value, r.pageviews])).toEqual([
      ['', 2],
      ['google.com', 1],
    ]);
    expect(await rollup('event')).toEqual([
      { value: 'cta', pageviews: 0, visitors: 1, sessions: 0, events: 1, conversions: 0, value_sum: 0 },
    ]);
  });

  it('replaces the day on a re-run instead of adding to it', async () => {
    await rollupDays(pool, DAY, DAY, siteId);
    await rollupDays(pool, DAY, DAY, siteId);
    expect((await rollup('total'))[0]?.pageviews).toBe(3);
    expect((await hourly()).reduce((sum, hour) => sum + hour.pageviews, 0)).toBe(3);
  });

  it('fills hourly totals of the same rows whose sums agree with the daily total', async () => {
    await rollupDays(pool, DAY, DAY, siteId);
    const hours = await hourly();
    expect(hours).toEqual([
      {
        hour: `${DAY}T10:00:00.000Z`,
        pageviews: 3,
        visitors: 2,
        sessions: 2,
        events: 0,
        conversions: 0,
        value_sum: 0,
      },
      {
        hour: `${DAY}T11:00:00.000Z`,
        pageviews: 0,
        visitors: 0,
        sessions: 0,
        events: 1,
        conversions: 0,
        value_sum: 0,
      },
      {
        hour: `${DAY}T12:00:00.000Z`,
        pageviews: 0,
        visitors: 0,
        sessions: 0,
        events: 0,
        conversions: 2,
        value_sum: 42.5,
      },
    ]);
    const [total] = await rollup('total');
    const sum = (metric: 'pageviews' | 'events' | 'conversions' | 'value_sum') =>
      hours.reduce((acc, hour) => acc + hour[metric], 0);
    expect([sum('pageviews'), sum('events'), sum('conversions'), sum('value_sum')]).toEqual([
      total?.pageviews,
      total?.events,
      total?.conversions,
      total?.value_sum,
    ]);
  });

  it('rolls the next day into its own hours, and both days agree with their daily totals', async () => {
    const NEXT = '2025-03-15';
    await rollupDays(pool, DAY, NEXT, siteId);
    const { rows } = await pool.query<{ day: string; daily: number; hourly: number }>(
      `select d.day::text as day, d.pageviews::int as daily,
              (select coalesce(sum(h.pageviews), 0)::int from analytics_hourly_rollups h
               where h.site_id = d.site_id and h.hour >= d.day::timestamp at time zone 'UTC'
                 and h.hour < (d.day + 1)::timestamp at time zone 'UTC') as hourly
       from analytics_daily_rollups d
       where d.site_id = $1 and d.dimension = 'total' and d.day between $2 and $3 order by d.day`,
      [siteId, DAY, NEXT],
    );
    expect(rows).toEqual([
      { day: DAY, daily: 3, hourly: 3 },
      { day: NEXT, daily: 1, hourly: 1 },
    ]);
    // Re-rolling only the first day leaves the second day's hours in place.
    await rollupDays(pool, DAY, DAY, siteId);
    expect((await hourly(NEXT)).map((hour) => [hour.hour, hour.pageviews])).toEqual([
      [`${NEXT}T00:00:00.000Z`, 1],
    ]);
  });
});
