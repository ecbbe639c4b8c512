import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { createPool } from '@spark/db';
import { seedAnalyticsMonth, seedRecentLeads } from '../src/testing/analytics-month.js';
import { type AuditResult, audit, editor, signIn } from './admin-helpers.js';

/**
 * The dashboard and analytics pages show the figures `/api/analytics/summary` answers for the same range,
 * read off the rendered page; the beta editor sees none of alpha's. Alpha gets a month of seeded traffic,
 * rolled up by the worker's own job.
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
const tag = randomBytes(4).toString('hex');
const dayBefore = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const siteIds: Record<string, string> = {};

interface Totals {
  pageviews: number;
  visitors: number;
  conversions: number;
}

async function summaryTotals(request: APIRequestContext, site: string, from: string, to: string) {
  const answer = await request.get(`/api/analytics/summary?site_id=${siteIds[site]}&from=${from}&to=${to}`);
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { totals: Totals }).totals;
}

const shown = (n: number) => n.toLocaleString('en');

/** The page's figures match the summary's; retried because the scheduled rollup may land in between. */
async function expectFigures(
  page: Page,
  site: string,
  from: string,
  to: string,
  testIds: Record<string, keyof Totals>,
) {
  await expect(async () => {
    const totals = await summaryTotals(page.request, site, from, to);
    await page.reload();
    for (const [testId, metric] of Object.entries(testIds))
      await expect(page.getByTestId(testId)).toHaveText(shown(totals[metric]), { timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const { rows } = await pool.query<{ id: string; domain: string }>(
    `select id, domain from sites where domain in ('alpha.localhost', 'beta.localhost')`,
  );
  for (const row of rows) siteIds[row.domain] = row.id;
  const alpha = siteIds['alpha.localhost'];
  if (!alpha || !siteIds['beta.localhost'])
    throw new Error('no alpha.localhost and beta.localhost demo sites');
  await seedAnalyticsMonth(pool, alpha, tag);
  await seedRecentLeads(pool, alpha, tag, 3);
});
test.afterAll(() => pool.end());

test('the dashboard and analytics show alpha the summary’s totals, and beta none of alpha’s', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const audits: AuditResult[] = [];
  const alpha = 'alpha.localhost';
  await signIn(page, editor(alpha));

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expectFigures(page, alpha, dayBefore(29), dayBefore(0), {
    'dashboard-pageviews': 'pageviews',
    'dashboard-visitors': 'visitors',
  });
  expect(
    Number((await page.getByTestId('dashboard-leads').textContent())?.replace(/,/g, '')),
  ).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('img', { name: 'Visitors and pageviews, last 30 days' })).toBeVisible();
  await audit(page, 'dashboard', testInfo, audits);

  await page.getByRole('link', { name: 'Analytics' }).click();
  await expect(page.getByRole('heading', { name: 'Analytics' })).toBeVisible();
  const figures = {
    'analytics-pageviews': 'pageviews',
    'analytics-visitors': 'visitors',
    'analytics-conversions': 'conversions',
  } as const;
  await expectFigures(page, alpha, dayBefore(29), dayBefore(0), figures);
  await expect(page.getByRole('region', { name: 'Top pages' })).toContainText(`/seed-${tag}/p`);
  await expect(page.getByText('Countries are not stored')).toBeVisible();
  await audit(page, 'analytics', testInfo, audits);

  // A custom two-day range switches to the hourly chart; its totals are still the summary's.
  await page.getByLabel('Range', { exact: true }).selectOption('custom');
  await page.getByLabel('From', { exact: true }).fill(dayBefore(3));
  await page.getByLabel('To', { exact: true }).fill(dayBefore(2));
  await expect(page.getByRole('img', { name: 'Visitors, pageviews and conversions per hour' })).toBeVisible();
  const twoDays = await summaryTotals(page.request, alpha, dayBefore(3), dayBefore(2));
  await expect(page.getByTestId('analytics-pageviews')).toHaveText(shown(twoDays.pageviews));
  await expect(page.getByTestId('analytics-conversions')).toHaveText(shown(twoDays.conversions));
  await audit(page, 'analytics-hourly', testInfo, audits);

  // Beta's editor: beta's own figures, nothing of alpha's seeded month.
  const betaContext = await browser.newContext();
  const betaPage = await betaContext.newPage();
  await signIn(betaPage, editor('beta.localhost'));
  await betaPage.goto('/admin');
  await expectFigures(betaPage, 'beta.localhost', dayBefore(29), dayBefore(0), {
    'dashboard-pageviews': 'pageviews',
  });
  const forbidden = await betaPage.request.get(
    `/api/admin/analytics?site_id=${siteIds[alpha]}&from=${dayBefore(29)}&to=${dayBefore(0)}`,
  );
  expect(forbidden.status()).toBe(404);
  await betaPage.goto('/admin/analytics');
  await expectFigures(betaPage, 'beta.localhost', dayBefore(29), dayBefore(0), figures);
  await expect(betaPage.getByRole('heading', { name: 'Top pages' })).toBeVisible();
  await expect(betaPage.locator('body')).not.toContainText(`/seed-${tag}`);
  await betaContext.close();

  writeFileSync(testInfo.outputPath('insights-axe.json'), JSON.stringify(audits, null, 2));
});
