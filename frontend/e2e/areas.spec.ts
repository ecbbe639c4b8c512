import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { createPool } from '@spark/db';
import { bumpSiteContent } from '@spark/jobs';
import { Redis } from 'ioredis';

/**
 * The area hubs a visitor browses (index, state, county, city) are accessible at desktop and phone widths:
 * no serious or critical axe finding and headings in order. The published articles that make the hubs exist
 * are written straight to the database, then announced to the frontend as publishing announces them.
 */
const port = process.env.FRONTEND_PORT ?? '4321';
const alpha = `http://alpha.localhost:${port}`;
const WIDTHS = [1280, 390] as const;
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
const tag = `areas-e2e-${randomBytes(4).toString('hex')}`;
let siteId = '';

async function announce(): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? '', { maxRetriesPerRequest: 1 });
  try {
    await bumpSiteContent(redis, [siteId]);
  } finally {
    redis.disconnect();
  }
}

test.beforeAll(async () => {
  const { rows } = await pool.query<{ id: string }>(`select id from sites where domain = 'alpha.localhost'`);
  siteId = rows[0]?.id ?? '';
  if (!siteId) throw new Error('no alpha.localhost demo site');
  // The 40 biggest Texas cities (Austin among them), two articles each.
  await pool.query(
    `insert into generated_articles (site_id, title, slug, html_content, word_count, state_id, county_id, city_id,
                                     status, published_at, generation_key)
     select $1::uuid, format('Roofing guide %s for %s, %s', n, c.name, s.code), format('%s-%s-%s', $2::text, n, c.id),
            format('<p>Advice for %s.</p>', c.name), 3, c.state_id, c.county_id, c.id, 'published', now(),
            format('%s:%s:%s', $2::text, n, c.id)
     from (select * from geo_cities where state_id = (select id from geo_states where code = 'TX')
           order by population desc nulls last, name limit 40) c
     join geo_states s on s.id = c.state_id
     cross join generate_series(1, 2) n`,
    [siteId, tag],
  );
  await announce();
});

test.afterAll(async () => {
  await pool.query('delete from generated_articles where site_id = $1 and slug like $2', [
    siteId,
    `${tag}-%`,
  ]);
  await announce();
  await pool.end();
});

/** Serious or critical axe findings, plus heading order (moderate, but the reason headings exist at all). */
async function accessibilityProblems(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

for (const [path, slug, heading] of [
  ['/areas', 'areas-index', 'Areas we serve'],
  ['/areas/tx', 'areas-state', 'Texas'],
  ['/areas/tx/travis-county', 'areas-county', 'Travis County'],
  ['/areas/tx/travis-county/austin', 'areas-city', 'Austin'],
] as const) {
  test(`${slug}: no serious axe finding and headings in order, at 1280 and 390 px`, async ({
    page,
  }, testInfo) => {
    // Two widths, each a page load and a full axe run: allow a busy machine.
    test.setTimeout(180_000);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      const response = await page.goto(`${alpha}${path}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: testInfo.outputPath(`${slug}-${width}.png`), fullPage: true });
      expect(await accessibilityProblems(page), `${slug} at ${width}px`).toEqual([]);
    }
  });
}

test('a hub links its articles and its places, and its breadcrumbs lead back to the areas index', async ({
  page,
}) => {
  await page.goto(`${alpha}/areas/tx/travis-county`);
  await expect(
    page.getByTestId('hub-articles').getByRole('link', { name: /Roofing guide 1 for Austin, TX/ }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Austin', exact: true }).first().click();
  await expect(page).toHaveURL(/\/areas\/tx\/travis-county\/austin$/);
  await page.getByRole('link', { name: 'Areas', exact: true }).first().click();
  await expect(page).toHaveURL(/\/areas$/);
});
