import { expect, test } from '@playwright/test';
import { STUDIO_DASHBOARD_ID } from '@spark/contracts';
import { editor } from './admin-helpers.js';

/** The Data Studio (Directus's app) of the stack `npm test` starts. */
const DIRECTUS = process.env.PUBLIC_DIRECTUS_URL ?? `http://localhost:${process.env.DIRECTUS_PORT ?? '8055'}`;
const ADMIN_TOKEN = process.env.DIRECTUS_ADMIN_TOKEN ?? '';

interface Named {
  id: string;
  name: string;
}

test.describe.configure({ mode: 'serial' });

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
    const picker = page.locator('[data-field="avatar_ids"]');
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
