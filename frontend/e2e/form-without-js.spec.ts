import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createPool } from '@spark/db';

const port = process.env.FRONTEND_PORT ?? '4321';
const alpha = `http://alpha.localhost:${port}`;
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });

// A real visitor's agent string: the tracker's server drops HeadlessChrome as automation.
test.use({
  userAgent:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
});

test.afterAll(async () => {
  await pool.end();
});

async function rowsUntil<T>(sql: string, params: unknown[], expected: number): Promise<T[]> {
  let rows: T[] = [];
  for (let i = 0; i < 75; i++) {
    rows = (await pool.query(sql, params)).rows as T[];
    if (rows.length >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return rows;
}

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the contact form stores the lead and no address the browser visits holds what was typed', async ({
    page,
  }) => {
    const marker = randomBytes(5).toString('hex');
    const typed = {
      name: `Nojs Visitor ${marker}`,
      email: `nojs-${marker}@example.com`,
      phone: `512-555-${String(Number.parseInt(marker.slice(0, 4), 16) % 10_000).padStart(4, '0')}`,
    };
    const addresses: string[] = [];
    page.on('request', (request) => addresses.push(request.url()));

    await page.goto(`${alpha}/contact?utm_source=e2e-${marker}`);
    await expect(page.locator('form[method="post"][action="/api/forms/submit"]')).toHaveCount(1);
    await page.getByLabel('Full name').fill(typed.name);
    await page.getByLabel('Email').fill(typed.email);
    await page.getByLabel('Phone').fill(typed.phone);
    await page.getByLabel('What do you need?').selectOption('Inspection');
    await page.getByLabel('I have already filed an insurance claim').check();
    // The fill-time check counts from when the server rendered the form; a person needs a few seconds.
    await page.waitForTimeout(3500);
    await page.getByRole('button', { name: 'Send' }).click();

    await page.waitForURL(`${alpha}/form-sent?form=free-estimate`);
    await expect(page.getByRole('status')).toHaveText(/We'll call you within one business day/);

    const leads = await rowsUntil<{
      status: string;
      name: string;
      phone: string;
      data: unknown;
      utm_source: string;
    }>(
      `select l.status, l.name, l.phone, l.data, l.utm_source from leads l join sites s on s.id = l.site_id
       where s.domain = 'alpha.localhost' and l.email = $1`,
      [typed.email],
      1,
    );
    expect(leads).toEqual([
      {
        status: 'new',
        name: typed.name,
        phone: typed.phone,
        data: { service: 'Inspection', has_insurance_claim: true },
        utm_source: `e2e-${marker}`,
      },
    ]);
    for (const address of addresses) {
      const decoded = decodeURIComponent(address.replace(/\+/g, ' '));
      expect(decoded).not.toContain(typed.email);
      expect(decoded).not.toContain(typed.name);
      expect(decoded).not.toContain(typed.phone);
    }
    const pageviews = await pool.query('select url from pageviews where url like $1', [`%nojs-${marker}%`]);
    expect(pageviews.rows).toEqual([]);
  });
});

test('personal data in a page address never reaches the stored pageview', async ({ page }) => {
  const marker = randomBytes(5).toString('hex');
  await page.goto(
    `${alpha}/contact?full_name=Leaky+${marker}&email=leak-${marker}%40example.com&utm_source=leak-${marker}`,
  );
  const rows = await rowsUntil<{ url: string; path: string }>(
    `select p.url, p.path from pageviews p join sites s on s.id = p.site_id
     where s.domain = 'alpha.localhost' and p.utm_source = $1`,
    [`leak-${marker}`],
    1,
  );
  expect(rows).toEqual([{ url: `${alpha}/contact?utm_source=leak-${marker}`, path: '/contact' }]);
  const leaked = await pool.query('select count(*)::int as n from pageviews where url like $1', [
    `%${marker}%example%`,
  ]);
  expect(leaked.rows).toEqual([{ n: 0 }]);
});
