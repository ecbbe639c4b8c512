import { expect, type Page, test } from '@playwright/test';
import { STUDIO_DASHBOARD_ID } from '@spark/contracts';
import { editor, port } from './admin-helpers.js';

/** The Data Studio (Directus's app) of the stack `npm test` starts. */
const DIRECTUS = process.env.PUBLIC_DIRECTUS_URL ?? `http://localhost:${process.env.DIRECTUS_PORT ?? '8055'}`;
const ADMIN_TOKEN = process.env.DIRECTUS_ADMIN_TOKEN ?? '';

interface Named {
  id: string;
  name: string;
}

test.describe.configure({ mode: 'serial' });

/** The campaign form's headline spintax box (a multi-line text interface). */
const spintaxInput = (page: Page) =>
  page.locator('[data-field="headline_spintax_root"]').locator('textarea, input').first();

test('the alpha editor signs in to the Data Studio, lands on the dashboard and creates a campaign picking avatars by name', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const alpha = editor('alpha.localhost');
  const alphaToken = (
    JSON.parse(process.env.SPARK_TEST_EDITORS ?? '[]') as { siteDomain: string; token: string }[]
  ).find((e) => e.siteDomain === 'alpha.localhost')?.token;
  const campaignName = `Studio campaign ${Date.now()}`;
  const shot = (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The avatars alpha's editor may choose from, read with the editor's own token (as the picker does).
  const avatarsAnswer = await request.get(
    `${DIRECTUS}/items/avatar_intelligence?fields=id,name&sort=name&limit=-1`,
    {
      headers: { authorization: `Bearer ${alphaToken}` },
    },
  );
  expect(avatarsAnswer.status()).toBe(200);
  const avatars = ((await avatarsAnswer.json()) as { data: Named[] }).data;
  expect(avatars.length).toBeGreaterThanOrEqual(1);
  const chosen = avatars.slice(0, 2);

  try {
    await page.goto(`${DIRECTUS}/admin/login`);
    await page.locator('input[type="email"]').fill(alpha.email);
    await page.locator('input[type="password"]').fill(alpha.password);
    await shot('01-sign-in');
    await page.locator('button[type="submit"]').click();

    await expect(page).toHaveURL(new RegExp(`/admin/insights/${STUDIO_DASHBOARD_ID}`), { timeout: 30_000 });
    await expect(page.getByText('Articles by status').first()).toBeVisible();
    await expect(page.getByText('Running jobs').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await shot('02-dashboard');

    await page.goto(`${DIRECTUS}/admin/content/campaign_masters/+`);
    const nameInput = page.locator('[data-field="name"] input');
    await expect(nameInput).toBeVisible({ timeout: 30_000 });
    await nameInput.fill(campaignName);
    await spintaxInput(page).fill('{Best|Top} Roofers in {City}');
    const picker = page.locator('[data-field="avatar_ids"]');
    await expect(picker.getByText('Avatars', { exact: true })).toBeVisible();
    // How many articles to queue on activation is part of the form, with its note.
    await expect(page.locator('[data-field="auto_generate"]')).toContainText('set to Active');
    // The avatar picker lists alpha's avatars by name (the bundle's `spark-item-picker` interface).
    await expect(picker.getByText(chosen[0]?.name ?? '', { exact: true })).toBeVisible({ timeout: 30_000 });
    for (const avatar of chosen) {
      await picker.getByText(avatar.name, { exact: true }).click();
    }
    // Radius settings appear only in radius mode.
    await expect(page.locator('[data-field="radius_km"]')).toHaveCount(0);
    await shot('03-campaign-form');

    await page.keyboard.press('Control+s');
    await expect(page).toHaveURL(/\/admin\/content\/campaign_masters(\/[0-9a-f-]{36})?$/, {
      timeout: 30_000,
    });
    await page.waitForLoadState('networkidle');
    await shot('04-campaign-saved');

    const saved = await request.get(
      `${DIRECTUS}/items/campaign_masters?fields=id,avatar_ids,site_id&filter[name][_eq]=${encodeURIComponent(campaignName)}`,
      { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
    );
    const rows = ((await saved.json()) as { data: { avatar_ids: string[] }[] }).data;
    expect(rows).toHaveLength(1);
    expect([...(rows[0]?.avatar_ids ?? [])].sort()).toEqual(chosen.map((a) => a.id).sort());
  } finally {
    const found = await request.get(
      `${DIRECTUS}/items/campaign_masters?fields=id&filter[name][_eq]=${encodeURIComponent(campaignName)}`,
      { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
    );
    for (const row of ((await found.json()) as { data: { id: string }[] }).data ?? []) {
      await request.delete(`${DIRECTUS}/items/campaign_masters/${row.id}`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
    }
  }
});

const alphaToken = () =>
  (JSON.parse(process.env.SPARK_TEST_EDITORS ?? '[]') as { siteDomain: string; token: string }[]).find(
    (e) => e.siteDomain === 'alpha.localhost',
  )?.token ?? '';

/** Signs the alpha editor in to the Data Studio and waits for the landing dashboard. */
async function signInToStudio(page: Page) {
  const alpha = editor('alpha.localhost');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${DIRECTUS}/admin/login`);
  await page.locator('input[type="email"]').fill(alpha.email);
  await page.locator('input[type="password"]').fill(alpha.password);
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`/admin/insights/${STUDIO_DASHBOARD_ID}`), { timeout: 30_000 });
}

/**
 * Runs a manual flow from the item page's sidebar, as a marketer does: opens the Flows section when the sidebar
 * shows only its icons, clicks the flow and confirms.
 */
async function runFlowFromSidebar(page: Page, flowName: string) {
  const button = page.getByRole('button', { name: flowName });
  if (!(await button.isVisible())) {
    await page.locator('button:has-text("Flows")').first().click();
  }
  await expect(button).toBeVisible({ timeout: 15_000 });
  await button.click();
  await page.getByRole('button', { name: /run flow/i }).click();
}

test('the alpha editor gets a readable error naming the field, line and column for broken spintax', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const campaignName = `Broken spintax ${Date.now()}`;
  await signInToStudio(page);
  await page.goto(`${DIRECTUS}/admin/content/campaign_masters/+`);
  const nameInput = page.locator('[data-field="name"] input');
  await expect(nameInput).toBeVisible({ timeout: 30_000 });
  await nameInput.fill(campaignName);
  await spintaxInput(page).fill('{Best|Top} Roofers in {City}\n{Cheap|Fast Roofers in {City}');
  await page.keyboard.press('Control+s');

  const error = page.getByText(/line 2, column \d+/).first();
  await expect(error).toBeVisible({ timeout: 30_000 });
  await expect(error).toContainText('headline_spintax_root');
  await page.screenshot({ path: testInfo.outputPath('05-spintax-error-1280.png'), fullPage: true });

  const stored = await request.get(
    `${DIRECTUS}/items/campaign_masters?fields=id&filter[name][_eq]=${encodeURIComponent(campaignName)}`,
    { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
  );
  expect(((await stored.json()) as { data: unknown[] }).data).toHaveLength(0);
});

test('the alpha editor runs "Generate 50 articles" on a campaign, then publishes one article live', async ({
  page,
  request,
}, testInfo) => {
  // Generation runs in the stack's worker; the machine may be busy, so the wait polls with a generous ceiling.
  test.setTimeout(900_000);
  const asAlpha = { authorization: `Bearer ${alphaToken()}` };
  const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const shot = (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`${name}-1280.png`), fullPage: true });

  // A campaign with room for far more than 50 headlines: every demo city within 1,800 km of north Texas, the
  // editor's first two avatars and their richest template (created with the editor's own token).
  const avatars = (
    (await (
      await request.get(`${DIRECTUS}/items/avatar_intelligence?fields=id&sort=name&limit=2`, {
        headers: asAlpha,
      })
    ).json()) as {
      data: { id: string }[];
    }
  ).data;
  const templates = (
    (await (
      await request.get(
        `${DIRECTUS}/items/article_templates?fields=id,name,fragment_types&sort=name&limit=-1`,
        {
          headers: asAlpha,
        },
      )
    ).json()) as { data: { id: string; fragment_types: unknown[] | null }[] }
  ).data;
  const template = [...templates].sort(
    (a, b) => (b.fragment_types?.length ?? 0) - (a.fragment_types?.length ?? 0),
  )[0];
  const created = await request.post(`${DIRECTUS}/items/campaign_masters`, {
    headers: asAlpha,
    data: {
      name: `Studio generate ${Date.now()}`,
      headline_spintax_root: [
        '{Best|Top|Trusted} {Niche} in {City}, {State_Code}',
        '{Niche} Near {City}: {What to Know|A Local Guide|Costs and Options} ({Year})',
      ].join('\n'),
      niche_variables: { Niche: 'Roofing' },
      location_mode: 'radius',
      radius_center: { type: 'Point', coordinates: [-96, 33] },
      radius_km: 1800,
      avatar_ids: avatars.map((a) => a.id),
      template_id: template?.id,
      target_word_count: 300,
    },
  });
  expect(created.status(), await created.text()).toBe(200);
  const campaignId = ((await created.json()) as { data: { id: string } }).data.id;
  const articlesOf = async () =>
    (
      (await (
        await request.get(
          `${DIRECTUS}/items/generated_articles?fields=id,slug,title,status,published_at&limit=-1&filter[campaign_id][_eq]=${campaignId}`,
          { headers: asAdmin },
        )
      ).json()) as {
        data: { id: string; slug: string; title: string; status: string; published_at: string | null }[];
      }
    ).data;

  try {
    await signInToStudio(page);
    await page.goto(`${DIRECTUS}/admin/content/campaign_masters/${campaignId}`);
    await expect(page.locator('[data-field="name"] input')).toBeVisible({ timeout: 30_000 });
    await runFlowFromSidebar(page, 'Generate 50 articles');
    await shot('06-generate-50-started');

    await expect
      .poll(async () => (await articlesOf()).length, { timeout: 840_000, intervals: [2_000] })
      .toBe(50);
    await page.goto(`${DIRECTUS}/admin/content/generated_articles`);
    await page.waitForLoadState('networkidle');
    await shot('07-fifty-articles');

    // An article without an open quality flag, approved with the editor's token (the publish gate wants approval).
    const flagged = new Set(
      (
        (await (
          await request.get(
            `${DIRECTUS}/items/quality_flags?fields=article_id,other_article_id&limit=-1&filter[status][_eq]=open`,
            { headers: asAdmin },
          )
        ).json()) as { data: { article_id: string | null; other_article_id: string | null }[] }
      ).data.flatMap((f) => [f.article_id, f.other_article_id]),
    );
    const article = (await articlesOf()).find((a) => !flagged.has(a.id) && a.status !== 'published');
    expect(article).toBeDefined();
    const approved = await request.patch(`${DIRECTUS}/items/generated_articles/${article?.id}`, {
      headers: asAlpha,
      data: { status: 'approved' },
    });
    expect(approved.status(), await approved.text()).toBe(200);

    await page.goto(`${DIRECTUS}/admin/content/generated_articles/${article?.id}`);
    await expect(page.getByText(article?.title ?? '').first()).toBeVisible({ timeout: 30_000 });
    await runFlowFromSidebar(page, 'Publish selected');
    await expect
      .poll(async () => (await articlesOf()).find((a) => a.id === article?.id)?.published_at ?? null, {
        timeout: 60_000,
      })
      .not.toBeNull();
    await page.reload();
    await page.waitForLoadState('networkidle');
    await shot('08-article-published');

    const live = await page.goto(`http://alpha.localhost:${port}/${article?.slug}`);
    expect(live?.status()).toBe(200);
    await expect(page.locator('h1').first()).toContainText(article?.title ?? '');
    await shot('09-article-on-alpha');
  } finally {
    for (const collection of ['generated_articles', 'generation_jobs']) {
      await request.delete(`${DIRECTUS}/items/${collection}`, {
        headers: asAdmin,
        data: { query: { filter: { campaign_id: { _eq: campaignId } }, limit: -1 } },
      });
    }
    await request.delete(`${DIRECTUS}/items/campaign_masters/${campaignId}`, { headers: asAdmin });
  }
});
