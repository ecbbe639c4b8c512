import { expect, type Page, test } from '@playwright/test';

const port = process.env.FRONTEND_PORT ?? '4321';
// Chromium resolves *.localhost to loopback by itself, so tenant hosts are real origins here.
const alpha = `http://alpha.localhost:${port}`;
const beta = `http://beta.localhost:${port}`;

const TENANTS = [
  {
    origin: alpha,
    slug: 'alpha',
    name: 'Alpha Roofing',
    other: 'Beta Family Dental',
    nav: ['Services', 'About', 'Blog'],
    cta: 'Free Estimate',
    primary: 'rgb(185, 28, 28)',
  },
  {
    origin: beta,
    slug: 'beta',
    name: 'Beta Family Dental',
    other: 'Alpha Roofing',
    nav: ['Treatments', 'About'],
    cta: 'Book a Visit',
    primary: 'rgb(15, 118, 110)',
  },
];

/** Islands hydrate when visible; Astro removes the `ssr` attribute once React has taken over. */
async function hydrated(page: Page, selector: string) {
  const island = page.locator('astro-island', { has: page.locator(selector) });
  await island.scrollIntoViewIfNeeded();
  await expect(island).not.toHaveAttribute('ssr', /.*/);
}

for (const tenant of TENANTS) {
  test(`${tenant.name}'s home page shows its own name, navigation and theme`, async ({ page }) => {
    const response = await page.goto(`${tenant.origin}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('[data-site-name]').first()).toHaveText(tenant.name);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const label of tenant.nav) await expect(nav.getByRole('link', { name: label })).toBeVisible();
    const cta = page.locator('[data-nav-cta]');
    await expect(cta).toHaveText(tenant.cta);
    await expect(cta).toHaveCSS('background-color', tenant.primary);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    expect(await page.content()).not.toContain(tenant.other);
    await page.screenshot({ path: `../.data/screenshots/site-${tenant.slug}-home.png`, fullPage: true });
  });
}

test('an alpha blog post renders with its BlogPosting and breadcrumb JSON-LD', async ({ page }) => {
  const response = await page.goto(`${alpha}/blog/hail-damage-signs`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('7 Signs Your Roof Has Hail Damage');
  await expect(page.getByText('Luis Ortega').first()).toBeVisible();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  const graph: Record<string, unknown>[] = jsonLd['@graph'];
  const posting = graph.find((node) => node['@type'] === 'BlogPosting');
  expect(posting).toMatchObject({
    headline: '7 Signs Your Roof Has Hail Damage',
    url: `${alpha}/blog/hail-damage-signs`,
    datePublished: '2024-04-02T14:00:00.000Z',
    author: { '@type': 'Person', name: 'Luis Ortega' },
    publisher: { name: 'Alpha Roofing' },
  });
  expect(graph.some((node) => node['@type'] === 'BreadcrumbList')).toBe(true);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    `${alpha}/blog/hail-damage-signs`,
  );
});

test("beta's post slug on alpha's host is alpha's 404 page", async ({ page }) => {
  const response = await page.goto(`${alpha}/blog/how-often-dental-cleaning`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("We couldn't find that page");
  await expect(page.locator('[data-site-name]').first()).toHaveText('Alpha Roofing');
  expect(await page.content()).not.toContain('How Often Do You Really Need a Dental Cleaning');
});

test('a draft page is a 404 and its content never shows', async ({ page }) => {
  const response = await page.goto(`${alpha}/draft-preview`);
  expect(response?.status()).toBe(404);
  expect(await page.content()).not.toContain('Spring gutter special');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
});

test('the FAQ accordion opens one answer at a time after hydration', async ({ page }) => {
  await page.goto(`${alpha}/`);
  await hydrated(page, 'button[aria-controls]');
  const first = page.getByRole('button', { name: 'How long does a roof replacement take?' });
  const second = page.getByRole('button', { name: 'Will insurance pay for hail damage?' });
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText('If the damage is storm-related')).toBeHidden();
  await second.click();
  await expect(second).toHaveAttribute('aria-expanded', 'true');
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByText('If the damage is storm-related')).toBeVisible();
  await expect(page.getByText('Most single-family homes are finished')).toBeHidden();
});

test('the form island posts the form as JSON and shows the answer in place', async ({ page }) => {
  let posted: Record<string, unknown> | undefined;
  await page.route('**/api/forms/submit', async (route) => {
    posted = route.request().postDataJSON();
    await route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: true, message: 'Thanks, we will call you today.', redirect_url: null }),
    });
  });
  await page.goto(`${alpha}/contact?utm_source=newsletter`);
  await hydrated(page, 'form');
  await page.getByLabel('Full name').fill('Maria Garcia');
  await page.getByLabel('Email').fill('maria@example.com');
  await page.getByLabel('Phone').fill('512-555-0100');
  await page.getByLabel('What do you need?').selectOption('Inspection');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('status')).toHaveText('Thanks, we will call you today.');
  expect(posted).toMatchObject({
    form: 'free-estimate',
    fields: {
      full_name: 'Maria Garcia',
      email: 'maria@example.com',
      phone: '512-555-0100',
      service: 'Inspection',
      has_insurance_claim: false,
      source: '/contact',
    },
    honeypot: '',
    utm_source: 'newsletter',
    page_url: `${alpha}/contact?utm_source=newsletter`,
  });
  expect(typeof posted?.elapsed_ms).toBe('number');
});

test('the form island marks the fields the server rejects', async ({ page }) => {
  await page.route('**/api/forms/submit', (route) =>
    route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'fields are invalid',
          details: { issues: [{ path: 'fields.email', message: 'must be a valid email address' }] },
        },
      }),
    }),
  );
  await page.goto(`${beta}/contact`);
  await hydrated(page, 'form');
  await page.getByLabel('Full name').fill('Sam');
  await page.getByLabel('Email').fill('sam@example.com');
  await page.getByLabel('Reason for visit').selectOption('Cleaning');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('alert')).toHaveText('Please check the highlighted fields.');
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('must be a valid email address')).toBeVisible();
});
