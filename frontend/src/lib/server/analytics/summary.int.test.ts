import { ANALYTICS_QUEUE, analyticsJobs } from '@spark/contracts';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countRows,
  createTestSite,
  dropTestSite,
  editors,
  eventually,
  frontendUrl,
  post,
  type TestSite,
  testPool,
} from './testing.js';

const adminToken = process.env.DIRECTUS_ADMIN_TOKEN ?? '';
const today = new Date().toISOString().slice(0, 10);

const get = (path: string, token: string) =>
  fetch(`${frontendUrl}${path}`, { headers: { host: 'localhost', authorization: `Bearer ${token}` } });

/** Runs the worker's rollup job for today on one site, as the scheduler would, and waits for it. */
async function rollUp(siteId: string) {
  const connection = { url: process.env.REDIS_URL ?? '' };
  const queue = new Queue(ANALYTICS_QUEUE, { connection });
  const events = new QueueEvents(ANALYTICS_QUEUE, { connection });
  try {
    await events.waitUntilReady();
    const job = await queue.add(analyticsJobs.rollupDays.name, { from: today, to: today, siteId });
    await job.waitUntilFinished(events, 20_000);
  } finally {
    await events.close();
    await queue.close();
  }
}

describe('GET /api/analytics/summary', { timeout: 40_000 }, () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite();
    const url = (path: string) => `http://${site.domain}${path}`;
    const answers: unknown[] = [];
    const track = async (...args: Parameters<typeof post>) => {
      const response = await post(...args);
      answers.push([response.status, await response.json()]);
    };
    for (const path of ['/a', '/a', '/b']) {
      await track(site.domain, '/api/track/pageview', { url: url(path), referrer: 'https://news.example/x' });
    }
    await track(site.domain, '/api/track/event', { url: url('/a'), name: 'signup_click' });
    await track(site.domain, '/api/track/conversion', {
      url: url('/b'),
      type: 'purchase',
      value: 20,
      currency: 'USD',
    });
    await track(site.domain, '/api/track/pageview', { url: url('/bot') }, { 'user-agent': 'curl/8.0' });
    const accepted = [202, { accepted: true }];
    const dropped = [202, { accepted: false, reason: 'bot_user_agent' }];
    expect(answers).toEqual([accepted, accepted, accepted, accepted, accepted, dropped]);
    await eventually(
      () => countRows('pageviews', site.id),
      (n) => n === 3,
    );
    await eventually(
      () => countRows('conversions', site.id),
      (n) => n === 1,
    );
    await eventually(
      () => countRows('events', site.id),
      (n) => n === 1,
    );
    await rollUp(site.id);
  }, 40_000);
  afterAll(async () => dropTestSite(site));

  it('reports totals, ranked lists and drop counts from the daily rollups', async () => {
    const response = await get(
      `/api/analytics/summary?site_id=${site.id}&from=${today}&to=${today}`,
      adminToken,
    );
    expect(response.status).toBe(200);
    const summary = (await response.json()) as Record<string, unknown>;
    expect(summary.totals).toEqual({
      pageviews: 3,
      visitors: 1,
      sessions: 1,
      events: 1,
      conversions: 1,
      revenue: 20,
    });
    expect(summary.top_pages).toEqual([
      expect.objectContaining({ value: '/a', pageviews: 2 }),
      expect.objectContaining({ value: '/b', pageviews: 1, conversions: 1, revenue: 20 }),
    ]);
    expect(summary.referrers).toContainEqual(
      expect.objectContaining({ value: 'news.example', pageviews: 3 }),
    );
    expect(summary.events).toEqual([
      expect.objectContaining({ value: 'signup_click', events: 1, visitors: 1 }),
    ]);
    expect(summary.conversions).toEqual([
      expect.objectContaining({ value: 'purchase', conversions: 1, revenue: 20 }),
    ]);
    expect(summary.dropped).toEqual({ bot_user_agent: 1 });
    const stored = await testPool().query(
      'select count(*)::int as n from analytics_daily_rollups where site_id = $1',
      [site.id],
    );
    expect(stored.rows[0]?.n).toBeGreaterThan(0);
  });

  it("answers 404 to a site-scoped token asking for another site's figures", async () => {
    const alphaEditor = editors().find((e) => e.siteDomain === 'alpha.localhost');
    if (!alphaEditor) throw new Error('SPARK_TEST_EDITORS has no alpha editor');
    const response = await get(
      `/api/analytics/summary?site_id=${site.id}&from=${today}&to=${today}`,
      alphaEditor.token,
    );
    expect(response.status).toBe(404);
    const own = await get(`/api/analytics/summary?from=${today}&to=${today}`, alphaEditor.token);
    expect(own.status).toBe(200);
  });

  it('rejects a reversed or malformed range with 4xx', async () => {
    expect(
      (await get(`/api/analytics/summary?site_id=${site.id}&from=${today}&to=2000-01-01`, adminToken)).status,
    ).toBe(400);
    expect(
      (await get(`/api/analytics/summary?site_id=${site.id}&from=yesterday&to=${today}`, adminToken)).status,
    ).toBe(422);
  });
});

describe('GET /api/admin/leads.csv', { timeout: 40_000 }, () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite();
    const response = await post(site.domain, '/api/forms/submit', {
      form: 'quote',
      fields: {
        full_name: '=HYPERLINK("http://evil.example","x")',
        email: 'csv@example.com',
        service: 'Repair',
      },
      elapsed_ms: 5000,
    });
    expect(response.status).toBe(200);
  }, 40_000);
  afterAll(async () => dropTestSite(site));

  it('exports the site leads as CSV with formula cells neutralised', async () => {
    const response = await get(`/api/admin/leads.csv?site_id=${site.id}`, adminToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="leads-/);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^"id","date_created","form","status","email","name"/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"csv@example.com","\'=HYPERLINK(""http://evil.example"",""x"")"');
  });

  it("answers 404 to a site-scoped token for another site's leads", async () => {
    const betaEditor = editors().find((e) => e.siteDomain === 'beta.localhost');
    if (!betaEditor) throw new Error('SPARK_TEST_EDITORS has no beta editor');
    expect((await get(`/api/admin/leads.csv?site_id=${site.id}`, betaEditor.token)).status).toBe(404);
  });
});
