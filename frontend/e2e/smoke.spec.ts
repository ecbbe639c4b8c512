import { expect, test } from '@playwright/test';

const port = process.env.FRONTEND_PORT ?? '4321';

// Chromium resolves *.localhost to loopback by itself; Node's resolver does not, so tenant hosts go through the page.
test('the health endpoint says ok to anyone on a tenant host, and names every dependency to an admin', async ({
  page,
}) => {
  const url = `http://alpha.localhost:${port}/api/health`;
  const anonymous = await page.goto(url);
  if (!anonymous) throw new Error('navigation produced no response');
  expect(anonymous.status()).toBe(200);
  expect(await anonymous.json()).toEqual({ status: 'ok' });
  await page.setExtraHTTPHeaders({ authorization: `Bearer ${process.env.DIRECTUS_ADMIN_TOKEN ?? ''}` });
  const admin = await page.goto(url);
  const body = (await admin?.json()) as { status: string; services: Record<string, { status: string }> };
  expect(body.status).toBe('ok');
  expect(Object.keys(body.services).sort()).toEqual(['directus', 'postgres', 'redis']);
});

test('a browser loads the platform home page with its styles', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spark');
  const fontWeight = await page
    .getByRole('heading', { level: 1 })
    .evaluate((el) => getComputedStyle(el).fontWeight);
  expect(fontWeight).toBe('700');
  await page.screenshot({ path: '../.data/screenshots/platform-home.png', fullPage: true });
});
