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
  });
});
