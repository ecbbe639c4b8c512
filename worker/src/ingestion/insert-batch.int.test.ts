import { randomBytes, randomUUID } from 'node:crypto';
import type { StreamedAnalyticsEvent } from '@spark/contracts';
import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAnalyticsBatch } from './insert-batch.js';

const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
let siteId = '';

const context = () => ({
  event_id: randomUUID(),
  occurred_at: new Date().toISOString(),
  site_id: siteId,
  visitor_hash: randomBytes(16).toString('hex'),
  session_id: 's1',
  url: 'http://x.localhost/a',
  path: '/a',
  referrer_host: null,
  utm_source: null,
  utm_medium: null,
  utm_campaign: null,
  utm_term: null,
  utm_content: null,
  device: 'mobile' as const,
  browser: 'Safari',
  os: 'iOS',
});

const count = async (table: string) =>
  Number((await pool.query(`select count(*) as n from ${table} where site_id = $1`, [siteId])).rows[0]?.n);

describe('insertAnalyticsBatch', () => {
  beforeAll(async () => {
    const domain = `batch${randomBytes(4).toString('hex')}.localhost`;
    const { rows } = await pool.query<{ id: string }>(
      `insert into sites (name, domain) values ('B', $1) returning id`,
      [domain],
    );
    siteId = rows[0]?.id ?? '';
  });
  afterAll(async () => {
    await pool.query('delete from sites where id = $1', [siteId]);
    await pool.end();
  });

  it('writes every kind, and a replayed batch adds nothing', async () => {
    const batch: StreamedAnalyticsEvent[] = [
      { kind: 'pageview', ...context() },
      { kind: 'event', ...context(), name: 'cta', props: { a: 1 } },
      { kind: 'conversion', ...context(), type: 'purchase', value: 12.5, currency: 'EUR', lead_id: null },
    ];
    expect(await insertAnalyticsBatch(pool, batch)).toBe(3);
    expect(await insertAnalyticsBatch(pool, batch)).toBe(0);
    expect([await count('pageviews'), await count('events'), await count('conversions')]).toEqual([1, 1, 1]);
  });

  it("skips rows of a deleted site and drops a lead reference to another site's lead", async () => {
    const { rows: foreign } = await pool.query<{ id: string }>(
      `insert into leads (site_id, email) select id, 'f@example.com' from sites where domain = 'beta.localhost' returning id`,
    );
    const before = await count('conversions');
    const inserted = await insertAnalyticsBatch(pool, [
      { kind: 'pageview', ...context(), site_id: randomUUID() },
      {
        kind: 'conversion',
        ...context(),
        type: 'lead',
        value: null,
        currency: null,
        lead_id: foreign[0]?.id ?? null,
      },
    ]);
    expect(inserted).toBe(1);
    expect(await count('conversions')).toBe(before + 1);
    const { rows } = await pool.query('select lead_id from conversions where site_id = $1 and type = $2', [
      siteId,
      'lead',
    ]);
    expect(rows).toEqual([{ lead_id: null }]);
    await pool.query('delete from leads where id = $1', [foreign[0]?.id]);
  });
});
