import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

const port = process.env.FRONTEND_PORT ?? '4321';
const alpha = `http://alpha.localhost:${port}`;
const beta = `http://beta.localhost:${port}`;
const WIDTHS = [1280, 390] as const;

/** Serious or critical axe findings, plus heading order (moderate, but the reason headings exist at all). */
async function accessibilityProblems(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

/** Card grids in the page's main content whose last row holds a single card under a fuller row. */
function orphanCards(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const grid of Array.from(document.querySelectorAll('main *'))) {
      if (getComputedStyle(grid).display !== 'grid' || grid.children.length < 2) continue;
      // Cards are the visible children of one width; a form's full-width textarea or hidden input is not a card row.
      const cards = (Array.from(grid.children) as HTMLElement[]).filter((child) => child.offsetWidth > 0);
      if (cards.length < 2 || new Set(cards.map((card) => card.offsetWidth)).size > 1) continue;
      // Rows from the column count, not from offsets: `items-center` shifts cards of one row vertically.
      const columns = new Set(cards.map((card) => card.offsetLeft)).size;
      const lastRow = cards.length - (Math.ceil(cards.length / columns) - 1) * columns;
      if (columns > 1 && lastRow === 1) {
        problems.push(`${grid.className}: ${cards.length} cards in ${columns} columns`);
      }
    }
    return problems;
  });
}

async function atWidth(page: Page, width: number) {
  await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
}

for (const [origin, path, slug] of [
  [beta, '/', 'beta-home'],
  [alpha, '/', 'alpha-home'],
  [alpha, '/services', 'alpha-services'],
  [beta, '/treatments', 'beta-treatments'],
  [alpha, '/blog', 'alpha-blog'],
  [beta, '/contact', 'beta-contact'],
] as const) {
  test(`${slug}: no orphan card in any grid, headings in order, no serious axe finding, at 1280 and 390 px`, async ({
    page,
  }, testInfo) => {
    for (const width of WIDTHS) {
      await atWidth(page, width);
      const response = await page.goto(`${origin}${path}`);
      expect(response?.status()).toBe(200);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: testInfo.outputPath(`${slug}-${width}.png`), fullPage: true });
      expect(await orphanCards(page), `${slug} at ${width}px`).toEqual([]);
      expect(await accessibilityProblems(page), `${slug} at ${width}px`).toEqual([]);
    }
  });
}

test('the mobile menu shows its state, has the third level and closes on Escape and outside taps', async ({
  page,
}, testInfo) => {
  await atWidth(page, 390);
  await page.goto(`${beta}/`);
  const button = page.locator('summary[aria-controls="mobile-menu"]');
  const menu = page.getByRole('navigation', { name: 'Mobile' });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeHidden();

  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('link', { name: 'Cosmetic Dentistry' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Whitening' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Book a Visit' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('beta-mobile-menu-open-390.png') });

  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toBeFocused();

  await button.click();
  await expect(menu).toBeVisible();
  await page.mouse.click(40, 600);
  await expect(menu).toBeHidden();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});

test('the call to action is the flagged item, drawn as a button and not repeated in the menu', async ({
  page,
}) => {
  await atWidth(page, 1280);
  for (const [origin, label] of [
    [alpha, 'Free Estimate'],
    [beta, 'Book a Visit'],
  ] as const) {
    await page.goto(`${origin}/`);
    await expect(page.locator('[data-nav-cta]')).toHaveText(label);
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }),
    ).toHaveCount(0);
  }
});

test('a missing page answers 404 with the reason phrase Not Found', async ({ page }) => {
  const response = await page.goto(`${alpha}/no-such-page`);
  expect(response?.status()).toBe(404);
  expect(response?.statusText()).toBe('Not Found');
});

test('the form shows a privacy notice and its success message in ink, not in the error colour', async ({
  page,
}, testInfo) => {
  await page.route('**/api/forms/submit', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: true, message: 'Thanks, we will call you today.', redirect_url: null }),
    }),
  );
  await atWidth(page, 1280);
  await page.goto(`${alpha}/contact`);
  const island = page.locator('astro-island', { has: page.locator('form') });
  await island.scrollIntoViewIfNeeded();
  await expect(island).not.toHaveAttribute('ssr', /.*/);
  await expect(page.locator('[data-privacy-notice]')).toContainText('we never sell them');
  const errorColour = await page.getByRole('alert').evaluate((element) => getComputedStyle(element).color);

  await page.getByLabel('Full name').fill('Maria Garcia');
  await page.getByLabel('Email').fill('maria@example.com');
  await page.getByLabel('Phone').fill('512-555-0100');
  await page.getByLabel('What do you need?').selectOption('Inspection');
  await page.getByRole('button', { name: 'Send' }).click();
  const message = page.getByRole('status').getByText('Thanks, we will call you today.');
  await expect(message).toBeVisible();
  const colours = await message.evaluate((element) => ({
    text: getComputedStyle(element).color,
    ink: getComputedStyle(document.body).color,
  }));
  expect(colours.text).not.toBe(errorColour);
  expect(colours.text).toBe(colours.ink);
  await page.screenshot({ path: testInfo.outputPath('alpha-form-success-1280.png') });
});
