import { expect, test } from '@playwright/test';

const port = process.env.FRONTEND_PORT ?? '4321';
const beta = `http://beta.localhost:${port}`;

test('the offline page appears when the network is cut after a first visit', async ({ page, context }) => {
  await page.goto(`${beta}/`);
  // The worker installs (precaching /offline and its assets) and claims the page.
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await page.goto(`${beta}/treatments`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're offline");
  await expect(page.locator('[data-site-name]').first()).toHaveText('Beta Family Dental');
  // Precached styles: the theme still applies without a network.
  await expect(page.locator('[data-offline-page]')).toHaveCSS('background-color', 'rgb(248, 250, 252)');
});
