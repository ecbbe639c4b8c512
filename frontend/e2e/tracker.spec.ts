import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { createPool } from '@spark/db';

const port = process.env.FRONTEND_PORT ?? '4321';
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });

// Headless Chromium announces itself as HeadlessChrome, which the tracker's server drops as automation;
// a real visitor's agent string is what this journey is about.
test.use({
  userAgent:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
});

test.afterAll(async () => {
  await pool.end();
});

async function countUntil(sql: string, params: unknown[], expected: number): Promise<number> {
  let count = -1;
  for (let i = 0; i < 75; i++) {
    count = Number((await pool.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
    if (count >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return count;
}

test('a visit and an SPA navigation record two pageviews, spark() an event, and the browser keeps nothing', async ({
  page,
  context,
}) => {
  const marker = randomBytes(6).toString('hex');
  await page.goto(`http://alpha.localhost:${port}/?utm_content=${marker}`);
  await expect(page.locator('script[src="/js/site.js"]')).toHaveCount(1);
  await page.waitForFunction(() => typeof (window as { spark?: { q?: unknown } }).spark === 'function');

  await page.evaluate((m) => history.pushState({}, '', `/e2e-spa-${m}`), marker);
  await page.evaluate(
    (m) =>
      (window as unknown as { spark: (...args: unknown[]) => void }).spark('event', `e2e_${m}`, {
        via: 'playwright',
      }),
    marker,
  );

  const pageviews = `select count(*) as n from pageviews p join sites s on s.id = p.site_id
                     where s.domain = 'alpha.localhost' and p.url like $1`;
  expect(await countUntil(pageviews, [`%${marker}%`], 2)).toBe(2);
  const events = `select count(*) as n from events e join sites s on s.id = e.site_id
                  where s.domain = 'alpha.localhost' and e.name = $1 and e.props = '{"via": "playwright"}'`;
  expect(await countUntil(events, [`e2e_${marker}`], 1)).toBe(1);
  const spa = await pool.query<{ path: string }>(
    `select path from pageviews where url like $1 order by occurred_at`,
    [`%${marker}%`],
  );
  expect(spa.rows.map((row) => row.path)).toEqual(['/', `/e2e-spa-${marker}`]);

  expect(await context.cookies()).toEqual([]);
  const storage = await page.evaluate(() => [localStorage.length, sessionStorage.length]);
  expect(storage).toEqual([0, 0]);
});

test('the tracker script is served gzipped under 1 KB from the tenant host', async () => {
  const size = await new Promise<number>((resolve, reject) => {
    const request = httpRequest(
      `http://127.0.0.1:${port}/js/site.js`,
      { headers: { host: 'alpha.localhost', 'accept-encoding': 'gzip' } },
      (response) => {
        if (response.headers['content-encoding'] !== 'gzip') reject(new Error('the script was not gzipped'));
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.byteLength;
        });
        response.on('end', () => resolve(bytes));
      },
    );
    request.on('error', reject);
    request.end();
  });
  expect(size).toBeGreaterThan(100);
  expect(size).toBeLessThan(1024);
});
