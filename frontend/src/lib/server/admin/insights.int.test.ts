import { randomBytes } from 'node:crypto';
import type { AnalyticsReport, Dashboard } from '@spark/contracts/admin';
import type { AnalyticsSummary } from '@spark/contracts/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAnalyticsMonth, seedRecentLeads } from '../../../testing/analytics-month.js';
import { callApi, editorToken } from '../../../testing/http.js';
import { createTestSite, dropTestSite, type TestSite, testPool } from '../analytics/testing.js';

const adminToken = process.env.DIRECTUS_ADMIN_TOKEN ?? '';
const tag = randomBytes(4).toString('hex');
const dayBefore = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const today = dayBefore(0);

const get = <T>(path: string, token = adminToken) => callApi<T>(path, { token });

describe('admin dashboard and analytics routes', { timeout: 180_000 }, () => {
  let site: TestSite;
  let jobId = '';
  beforeAll(async () => {
    site = await createTestSite();
    await seedAnalyticsMonth(testPool(), site.id, tag);
    await seedRecentLeads(testPool(), site.id, tag, 4);
    const job = await testPool().query<{ id: string }>(
      `insert into generation_jobs (site_id, type, status, total, processed, progress, started_at)
       values ($1, 'generate_articles', 'running', 40, 10, 25, now()) returning id`,
      [site.id],
    );
    jobId = job.rows[0]?.id ?? '';
    await testPool().query(
      `insert into work_log (site_id, action, entity_type, level) values ($1, 'seed.dashboard', 'sites', 'info')`,
      [site.id],
    );
  }, 180_000);
  afterAll(async () => {
    await dropTestSite(site);
  });

  const summaryOf = async (from: string, to: string) => {
    const answer = await get<AnalyticsSummary>(
      `/api/analytics/summary?site_id=${site.id}&from=${from}&to=${to}`,
    );
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('reports the same totals as the summary route for the same range, with every day filled', async () => {
    const [from, to] = [dayBefore(29), today];
    const summary = await summaryOf(from, to);
    expect(summary.totals.pageviews).toBeGreaterThan(300);
    const answer = await get<AnalyticsReport>(
      `/api/admin/analytics?site_id=${site.id}&from=${from}&to=${to}`,
    );
    expect(answer.status).toBe(200);
    const report = answer.body;
    expect(report.summary).toEqual(summary);
    expect(report.current).toMatchObject({
      visitors: summary.totals.visitors,
      pageviews: summary.totals.pageviews,
      conversions: summary.totals.conversions,
      leads: 3,
    });
    expect(report.daily).toHaveLength(30);
    expect(report.daily.reduce((sum, day) => sum + day.pageviews, 0)).toBe(summary.totals.pageviews);
    expect(report.hourly).toBeNull();
    expect(report.funnel).toEqual([
      { step: 'visitors', count: summary.totals.visitors },
      { step: 'pageviews', count: summary.totals.pageviews },
      { step: 'leads', count: 3 },
    ]);
    expect(report.event_props).toEqual([
      { event: 'cta_click', prop: 'button', value: 'call', count: 56 },
      { event: 'cta_click', prop: 'button', value: 'quote', count: 28 },
    ]);
  });

  it('compares with the previous period of the same length', async () => {
    const [from, to] = [dayBefore(6), today];
    const previous = await summaryOf(dayBefore(13), dayBefore(7));
    const answer = await get<AnalyticsReport>(
      `/api/admin/analytics?site_id=${site.id}&from=${from}&to=${to}`,
    );
    expect(answer.body.previous).toEqual({
      from: dayBefore(13),
      to: dayBefore(7),
      visitors: previous.totals.visitors,
      pageviews: previous.totals.pageviews,
      conversions: previous.totals.conversions,
      leads: 0,
    });
    expect(previous.totals.pageviews).toBeGreaterThan(0);
  });

  it('adds an hourly series for two days whose sums match the daily rollups', async () => {
    const [from, to] = [dayBefore(3), dayBefore(2)];
    const summary = await summaryOf(from, to);
    const answer = await get<AnalyticsReport>(
      `/api/admin/analytics?site_id=${site.id}&from=${from}&to=${to}`,
    );
    const hourly = answer.body.hourly ?? [];
    expect(hourly).toHaveLength(48);
    expect(hourly.reduce((sum, hour) => sum + hour.pageviews, 0)).toBe(summary.totals.pageviews);
    expect(hourly.reduce((sum, hour) => sum + hour.conversions, 0)).toBe(summary.totals.conversions);
  });

  it('shows the site’s last 30 days, leads this week, unfinished jobs and recent work', async () => {
    const summary = await summaryOf(dayBefore(29), today);
    const answer = await get<Dashboard>(`/api/admin/dashboard?site_id=${site.id}`);
    expect(answer.status).toBe(200);
    const dashboard = answer.body;
    expect(dashboard).toMatchObject({ site_id: site.id, site_count: 1, from: dayBefore(29), to: today });
    expect(dashboard.totals).toEqual({
      visitors: summary.totals.visitors,
      pageviews: summary.totals.pageviews,
    });
    expect(dashboard.traffic).toHaveLength(30);
    expect(dashboard.leads_this_week.count).toBe(3);
    expect(dashboard.articles_by_status).toEqual({});
    expect(dashboard.running_jobs.map((job) => [job.id, job.progress])).toEqual([[jobId, 25]]);
    expect(dashboard.recent_work.map((entry) => entry.action)).toContain('seed.dashboard');
    expect(dashboard.open_quality_flags).toEqual({ total: 0, by_type: {} });
  });

  it('adds every site up for an administrator who names none', async () => {
    const answer = await get<Dashboard>('/api/admin/dashboard');
    expect(answer.status).toBe(200);
    expect(answer.body.site_id).toBeNull();
    // alpha, beta and this suite's site at least (other suites may add and drop sites meanwhile)
    expect(answer.body.site_count).toBeGreaterThanOrEqual(3);
    expect(answer.body.running_jobs.map((job) => job.id)).toContain(jobId);
  });

  it('refuses another site’s figures to a site editor and bad ranges with a 4xx', async () => {
    const alpha = editorToken('alpha.localhost');
    expect((await get(`/api/admin/dashboard?site_id=${site.id}`, alpha)).status).toBe(404);
    expect(
      (await get(`/api/admin/analytics?site_id=${site.id}&from=${today}&to=${today}`, alpha)).status,
    ).toBe(404);
    const own = await get<Dashboard>('/api/admin/dashboard', alpha);
    expect(own.status).toBe(200);
    expect(own.body.running_jobs.map((job) => job.id)).not.toContain(jobId);
    expect(
      (await get(`/api/admin/analytics?site_id=${site.id}&from=${today}&to=${dayBefore(1)}`)).status,
    ).toBe(400);
    expect((await get(`/api/admin/analytics?site_id=${site.id}&from=2024-01-01&to=${today}`)).status).toBe(
      400,
    );
    expect((await get(`/api/admin/analytics?site_id=${site.id}&from=soon&to=${today}`)).status).toBe(422);
    expect((await get('/api/admin/dashboard?site_id=alpha')).status).toBe(422);
  });
});
