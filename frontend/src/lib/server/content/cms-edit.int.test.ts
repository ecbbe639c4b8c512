import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSite, tenantHost } from '../http-cache/site-client.testing.js';
import { testPool } from './content-change.testing.js';

/**
 * The full invalidation path: an edit through the Directus REST API → the cache-bust hook bumps the site's
 * version and publishes → the frontend's next render shows it. Without the hook the old title would be
 * served from cache for minutes, so the short deadline below is what makes this test able to fail.
 */
const pool = testPool();
const directus = process.env.DIRECTUS_INTERNAL_URL ?? '';
const adminToken = process.env.DIRECTUS_ADMIN_TOKEN ?? '';
const host = tenantHost('alpha.localhost');
let pageId = '';
let originalTitle = '';

async function patchPageTitle(title: string): Promise<void> {
  const response = await fetch(`${directus}/items/pages/${pageId}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  expect(response.status).toBe(200);
}

async function titleShownWithin(title: string, deadlineMs: number): Promise<boolean> {
  const until = Date.now() + deadlineMs;
  do {
    if ((await getSite(host, '/about')).text.includes(`>${title}</h1>`)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  } while (Date.now() < until);
  return false;
}

beforeAll(async () => {
  const { rows } = await pool.query<{ id: string; title: string }>(
    `select p.id, p.title from pages p join sites s on s.id = p.site_id
     where s.domain = 'alpha.localhost' and p.permalink = '/about'`,
  );
  pageId = rows[0]?.id ?? '';
  originalTitle = rows[0]?.title ?? '';
});

afterAll(async () => {
  if (pageId) await patchPageTitle(originalTitle);
  await pool.end();
});

describe('a CMS edit', () => {
  it('is visible on the next request after Directus saves it, although the page was cached', async () => {
    const first = await getSite(host, '/about');
    const second = await getSite(host, '/about');
    expect(first.text).toContain(`>${originalTitle}</h1>`);
    expect(second.headers.etag).toBe(first.headers.etag);

    const edited = `About Alpha Roofing ${Date.now().toString(36)}`;
    await patchPageTitle(edited);
    // The hook runs right after Directus commits; allow it a moment, far below any cache TTL (5 s and more).
    expect(await titleShownWithin(edited, 2_000)).toBe(true);
    expect(await titleShownWithin(originalTitle, 0)).toBe(false);
  });
});
