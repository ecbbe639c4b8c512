import { buildAreaHubTree, crawlClickDepths, HUB_PAGE_SIZE, hubPagePaths, sameSitePaths } from '@spark/core';
import { listAreaArticles } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSite, tenantHost } from '../http-cache/site-client.testing.js';
import { announceContentChange, siteIdOf, testPool } from './content-change.testing.js';

/**
 * The site a crawler walks: a few hundred published articles of alpha are each reachable from `/` in at most
 * three clicks (home → areas → hub page → article), every hub page is in the sitemap, a hub longer than a page
 * is paginated at stable URLs, beta's hubs never show alpha's articles, and unpublishing an article takes it
 * off its hubs.
 */
const pool = testPool();
const ARTICLES = 250;
const stamp = Date.now().toString(36);
const alpha = tenantHost('alpha.localhost');
const beta = tenantHost('beta.localhost');
let alphaId = '';
let betaId = '';

async function publishPlaceArticles(siteId: string, prefix: string, count: number, state: string) {
  await pool.query(
    `insert into generated_articles (site_id, title, slug, html_content, word_count, state_id, county_id, city_id,
                                     status, published_at, generation_key)
     select $1::uuid, format('Local guide for %s, %s', c.name, s.code), format('%s-%s', $2::text, c.id),
            format('<p>Advice for %s.</p>', c.name), 3, c.state_id, c.county_id, c.id, 'published', now(),
            format('hubs:%s:%s', $2::text, c.id)
     from geo_cities c join geo_states s on s.id = c.state_id and s.code = $4
     order by c.population desc nulls last, c.name limit $3`,
    [siteId, prefix, count, state],
  );
}

/** More articles about one city than a hub page holds, so its county and city hubs have a second page. */
async function publishOneCityArticles(siteId: string, prefix: string, count: number, city: string) {
  await pool.query(
    `insert into generated_articles (site_id, title, slug, html_content, word_count, state_id, county_id, city_id,
                                     status, published_at, generation_key)
     select $1::uuid, format('%s guide number %s', c.name, n), format('%s-%s', $2::text, n),
            format('<p>Advice for %s.</p>', c.name), 3, c.state_id, c.county_id, c.id, 'published', now(),
            format('hubs:%s:%s', $2::text, n)
     from (select c.* from geo_cities c join geo_states s on s.id = c.state_id and s.code = 'TX'
           where c.name = $4 order by c.population desc nulls last limit 1) c
     cross join generate_series(1, $3::int) n`,
    [siteId, prefix, count, city],
  );
}

const hrefsOf = sameSitePaths;

/** Breadth-first from `/` (the crawler of the corpus measurements): the fewest clicks to each same-site path. */
const crawl = (host: string, depth: number) =>
  crawlClickDepths(async (path) => {
    const answer = await getSite(host, path);
    return answer.status === 200 && answer.headers['content-type']?.startsWith('text/html')
      ? answer.text
      : null;
  }, depth);

beforeAll(async () => {
  alphaId = await siteIdOf(pool, 'alpha.localhost');
  betaId = await siteIdOf(pool, 'beta.localhost');
  await publishPlaceArticles(alphaId, `hubs-a-${stamp}`, ARTICLES, 'TX');
  await publishOneCityArticles(alphaId, `hubs-a-${stamp}-paged`, HUB_PAGE_SIZE + 30, 'Round Rock');
  await publishPlaceArticles(betaId, `hubs-b-${stamp}`, 5, 'TX');
  await Promise.all([
    announceContentChange(alphaId, 'generated_articles'),
    announceContentChange(betaId, 'generated_articles'),
  ]);
});

afterAll(async () => {
  await pool.query(`delete from generated_articles where slug like $1 or slug like $2`, [
    `hubs-a-${stamp}-%`,
    `hubs-b-${stamp}-%`,
  ]);
  await Promise.all([
    announceContentChange(alphaId, 'generated_articles'),
    announceContentChange(betaId, 'generated_articles'),
  ]);
  await pool.end();
});

describe('area hubs', () => {
  it('every published article of alpha is reachable from / in at most 3 clicks', async () => {
    const reached = await crawl(alpha, 3);
    const { rows } = await pool.query<{ slug: string }>(
      `select slug from generated_articles where site_id = $1 and status = 'published'`,
      [alphaId],
    );
    expect(rows.length).toBeGreaterThanOrEqual(ARTICLES + HUB_PAGE_SIZE + 30);
    const missing = rows.map((row) => `/${row.slug}`).filter((path) => !reached.has(path));
    expect(missing).toEqual([]);
    expect(reached.get('/areas')).toBe(1);
  }, 120_000); // a crawl of every hub page above the last click: seconds, or more on a busy machine

  it('lists every page of every hub and the areas index in the sitemap', async () => {
    const sitemap = await getSite(alpha, '/sitemap-hubs-1.xml');
    expect(sitemap.status).toBe(200);
    const listed = new Set([...sitemap.text.matchAll(/<loc>[^<]*?(\/areas[^<]*)<\/loc>/g)].map((m) => m[1]));
    const tree = buildAreaHubTree(await listAreaArticles(pool, alphaId));
    expect(tree.hubs.size).toBeGreaterThan(10);
    const pages = [...tree.hubs.values()].flatMap((hub) => hubPagePaths(hub));
    expect(pages).toContain('/areas/tx/williamson-county/page/2');
    expect(pages.filter((path) => !listed.has(path))).toEqual([]);
    expect(listed.has('/areas')).toBe(true);
    expect((await getSite(alpha, '/sitemap.xml')).text).toContain('/sitemap-hubs-1.xml');
  });

  it('renders a hub with breadcrumbs, its articles, its cities and BreadcrumbList + CollectionPage', async () => {
    const county = await getSite(alpha, '/areas/tx/travis-county');
    expect(county.status).toBe(200);
    expect(county.text).toContain('href="/areas/tx"');
    expect(county.text).toContain('href="/areas/tx/travis-county/austin"');
    expect(county.text).toMatch(new RegExp(`href="/hubs-a-${stamp}-[0-9a-f-]+"`));
    expect(county.text).toContain('"@type":"BreadcrumbList"');
    expect(county.text).toContain('"@type":"CollectionPage"');
    expect((await getSite(alpha, '/areas/tx/no-such-county')).status).toBe(404);
  });

  it('pages a long hub at stable URLs with prev/next and its own canonical, and 404s past the last page', async () => {
    const hub = '/areas/tx/williamson-county';
    const first = await getSite(alpha, hub);
    expect(first.status).toBe(200);
    expect(first.text).toMatch(new RegExp(`<link rel="next" href="[^"]*${hub}/page/2"`));
    expect(first.text).not.toContain('rel="prev"');
    expect(hrefsOf(first.text).filter((href) => href.startsWith(`/hubs-a-${stamp}-`))).toHaveLength(
      HUB_PAGE_SIZE,
    );
    const second = await getSite(alpha, `${hub}/page/2`);
    expect(second.status).toBe(200);
    expect(second.text).toMatch(new RegExp(`<link rel="canonical" href="[^"]*${hub}/page/2"`));
    expect(second.text).toMatch(new RegExp(`<link rel="prev" href="[^"]*${hub}"`));
    expect(second.text).toContain(`href="${hub}" rel="prev"`);
    const onBoth = [first, second].flatMap((page) =>
      hrefsOf(page.text).filter((href) => href.startsWith(`/hubs-a-${stamp}-paged-`)),
    );
    expect(new Set(onBoth).size).toBe(HUB_PAGE_SIZE + 30);
    for (const missing of [`${hub}/page/3`, `${hub}/page/1`, `${hub}/page/02`])
      expect((await getSite(alpha, missing)).status).toBe(404);
    // The areas index links the later pages, so their articles stay three clicks from home.
    expect((await getSite(alpha, '/areas')).text).toContain(`href="${hub}/page/2"`);
  });

  it('gives an article breadcrumbs to its hubs and a Nearby areas section of published articles', async () => {
    const { rows } = await pool.query<{ slug: string }>(
      `select a.slug from generated_articles a join geo_cities c on c.id = a.city_id
       where a.site_id = $1 and a.slug like $2 and c.name = 'Austin'`,
      [alphaId, `hubs-a-${stamp}-%`],
    );
    const page = await getSite(alpha, `/${rows[0]?.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/areas/tx/travis-county/austin"');
    expect(page.text).toContain('Nearby areas');
    expect(page.text).toContain('"item":"http://alpha.localhost');
    const nearby = hrefsOf(page.text.slice(page.text.indexOf('id="nearby-areas"'))).filter((href) =>
      href.startsWith(`/hubs-a-${stamp}-`),
    );
    expect(nearby.length).toBeGreaterThanOrEqual(3);
  });

  it("never shows alpha's articles on beta's hubs", async () => {
    const index = await getSite(beta, '/areas');
    expect(index.status).toBe(200);
    const hubs = hrefsOf(index.text).filter((href) => href.startsWith('/areas/'));
    expect(hubs.length).toBeGreaterThan(0);
    for (const hub of [...hubs, '/areas']) {
      const answer = await getSite(beta, hub);
      expect(answer.text).not.toContain(`hubs-a-${stamp}`);
    }
    expect(index.text).toContain('href="/areas/tx"');
  });

  it('takes an unpublished article off its hubs', async () => {
    const { rows } = await pool.query<{ id: string; slug: string }>(
      `update generated_articles set status = 'archived'
       where id = (select a.id from generated_articles a join geo_cities c on c.id = a.city_id
                   where a.site_id = $1 and a.slug like $2 and c.name = 'Austin' limit 1)
       returning id, slug`,
      [alphaId, `hubs-a-${stamp}-%`],
    );
    const slug = rows[0]?.slug ?? '';
    await announceContentChange(alphaId, 'generated_articles');
    for (const hub of ['/areas/tx/travis-county', '/areas/tx']) {
      expect((await getSite(alpha, hub)).text).not.toContain(`/${slug}"`);
    }
    expect((await getSite(alpha, '/areas/tx/travis-county/austin')).status).toBe(404);
    expect((await getSite(alpha, `/${slug}`)).status).toBe(404);
  });
});
