import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceContentChange, siteIdOf, testPool } from '../content/content-change.testing.js';
import { getSite, type SiteAnswer, tenantHost } from '../http-cache/site-client.testing.js';

const pool = testPool();
const alpha = tenantHost('alpha.localhost');
const beta = tenantHost('beta.localhost');
const stamp = Date.now().toString(36);
const ids = { alphaLive: '', alphaDraft: '', betaLive: '' };

async function insertArticle(siteId: string, slug: string, status: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into generated_articles (site_id, title, slug, html_content, status, published_at, generation_key)
     values ($1, $2, $3, '<p>Body.</p>', $4::text, case when $4::text = 'published' then now() end, $5) returning id`,
    [siteId, `Caf\u00e9 roofing ${slug}`, slug, status, `test:og:${slug}`],
  );
  return rows[0]?.id ?? '';
}

const metaContent = (page: SiteAnswer, property: string) =>
  new RegExp(`<meta property="${property}" content="([^"]+)"`).exec(page.text)?.[1];
const pathOf = (url: string | undefined) => (url ? new URL(url).pathname : '');

beforeAll(async () => {
  const [alphaId, betaId] = await Promise.all([
    siteIdOf(pool, 'alpha.localhost'),
    siteIdOf(pool, 'beta.localhost'),
  ]);
  ids.alphaLive = await insertArticle(alphaId, `og-live-${stamp}`, 'published');
  ids.alphaDraft = await insertArticle(alphaId, `og-draft-${stamp}`, 'qc');
  ids.betaLive = await insertArticle(betaId, `og-beta-${stamp}`, 'published');
  await announceContentChange(alphaId, 'generated_articles');
  await announceContentChange(betaId, 'generated_articles');
});

afterAll(async () => {
  await pool.query(`delete from generated_articles where generation_key like $1`, [`test:og:%${stamp}`]);
  await pool.end();
});

function expectCard(image: SiteAnswer) {
  expect(image.status).toBe(200);
  expect(image.headers['content-type']).toBe('image/png');
  expect(image.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(image.body.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect([image.body.readUInt32BE(16), image.body.readUInt32BE(20)]).toEqual([1200, 630]);
}

describe('share cards (og:image)', () => {
  it("gives the site's pages a 1200 × 630 PNG card instead of the SVG logo", async () => {
    const home = await getSite(alpha, '/');
    const image = metaContent(home, 'og:image');
    expect(image).toMatch(/^http:\/\/alpha\.localhost:\d+\/og\/site\/[0-9a-f]{16}\.png$/);
    expect(metaContent(home, 'og:image:width')).toBe('1200');
    expect(metaContent(home, 'og:image:height')).toBe('630');
    expectCard(await getSite(alpha, pathOf(image)));
  });

  it("gives a published article its own card, served on its site's host", async () => {
    const page = await getSite(alpha, `/og-live-${stamp}`);
    expect(page.status).toBe(200);
    const image = metaContent(page, 'og:image');
    expect(pathOf(image)).toMatch(new RegExp(`^/og/articles/${ids.alphaLive}/[0-9a-f]{16}\\.png$`));
    const card = await getSite(alpha, pathOf(image));
    expectCard(card);
    // Served twice, the same bytes (rendered once, then from the cache).
    expect((await getSite(alpha, pathOf(image))).body.equals(card.body)).toBe(true);
  });

  it("refuses another tenant's article, a draft, an unknown id and a malformed one with 404", async () => {
    const version = '0123456789abcdef';
    for (const path of [
      `/og/articles/${ids.betaLive}/${version}.png`,
      `/og/articles/${ids.alphaDraft}/${version}.png`,
      `/og/articles/00000000-0000-4000-8000-000000000000/${version}.png`,
      `/og/articles/not-a-uuid/${version}.png`,
    ]) {
      const answer = await getSite(alpha, path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers['content-type'], path).not.toBe('image/png');
    }
    expect((await getSite(beta, `/og/articles/${ids.betaLive}/${version}.png`)).status).toBe(302);
  });

  it('sends an outdated card URL to the current one', async () => {
    const current = pathOf(metaContent(await getSite(alpha, '/'), 'og:image'));
    const stale = await getSite(alpha, '/og/site/0000000000000000.png');
    expect(stale.status).toBe(302);
    expect(stale.headers.location).toBe(current);
  });
});
