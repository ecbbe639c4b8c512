import { bumpSiteContent, invalidateSiteContent } from '@spark/jobs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPool } from '../content/content-change.testing.js';
import { eventually } from '../eventually.testing.js';
import { getSite, type SiteAnswer, tenantHost } from './site-client.testing.js';

/**
 * Publishing one article must not empty a site's page cache: article pages that do not show it stay cached
 * (x-cache: HIT), while the lists that show it (sitemap, areas index) and the page whose "next article" it
 * becomes refresh. A site-wide change (globals, navigation, theme) still refreshes every page. The site is
 * the test's own, so no other suite's changes touch its cache.
 */
const ARTICLES = 120;
const pool = testPool();
const redis = new Redis(process.env.REDIS_URL ?? '', { maxRetriesPerRequest: 1 });
const stamp = Date.now().toString(36);
const domain = `targeted-${stamp}.localhost`;
let siteId = '';
/** Titles sort in slug order, so the "next article" ring (by title) is predictable. */
const slugOf = (n: number) => `guide-${stamp}-${String(n).padStart(3, '0')}`;
const slugs = Array.from({ length: ARTICLES }, (_, n) => slugOf(n));
const fresh = `${slugOf(5)}a`;

const get = (path: string) => getSite(tenantHost(domain), path);

async function getAll(paths: readonly string[]): Promise<SiteAnswer[]> {
  const answers: SiteAnswer[] = [];
  for (let i = 0; i < paths.length; i += 8) {
    answers.push(...(await Promise.all(paths.slice(i, i + 8).map(get))));
  }
  return answers;
}

async function insertArticles(slugList: readonly string[]): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into generated_articles (site_id, title, slug, html_content, status, published_at, generation_key)
     select $1, 'Guide ' || s, s, '<p>Local advice.</p>', 'published', now() - interval '1 minute',
            'test:targeted:' || s
     from unnest($2::text[]) as s
     returning id`,
    [siteId, slugList],
  );
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  const { rows } = await pool.query<{ id: string }>(
    `insert into sites (name, domain) values ('Targeted Co', $1) returning id`,
    [domain],
  );
  siteId = rows[0]?.id ?? '';
  await insertArticles(slugs);
});

afterAll(async () => {
  await pool.query('delete from generated_articles where site_id = $1', [siteId]);
  await pool.query('delete from sites where id = $1', [siteId]);
  await pool.end();
  redis.disconnect();
});

describe('targeted invalidation of cached pages', { timeout: 120_000 }, () => {
  it('publishing one article keeps the other article pages cached and refreshes the lists that show it', async () => {
    const paths = slugs.map((slug) => `/${slug}`);
    const lists = ['/sitemap-articles-1.xml', '/areas'];
    const rendered = await getAll([...paths, ...lists]);
    expect(rendered.every((answer) => answer.status === 200)).toBe(true);
    const warm = await getAll([...paths, ...lists]);
    expect(warm.map((answer) => answer.headers['x-cache'])).toEqual(warm.map(() => 'HIT'));
    expect(warm.at(-2)?.text).not.toContain(fresh);

    const [freshId = ''] = await insertArticles([fresh]);
    await bumpSiteContent(redis, new Map([[siteId, [freshId]]]), undefined, pool);

    const sitemap = await eventually(
      () => get('/sitemap-articles-1.xml'),
      (answer) => answer.text.includes(fresh),
    );
    expect(sitemap.text).toContain(`/${fresh}`);
    expect((await get('/areas')).text).toContain(`Guide ${fresh}`);
    // The article before it in the ring now links to it as the next article.
    const before = await eventually(
      () => get(`/${slugOf(5)}`),
      (answer) => answer.text.includes(`/${fresh}"`),
    );
    expect(before.text).toContain(`href="/${fresh}"`);
    expect((await get(`/${fresh}`)).status).toBe(200);

    const others = paths.filter((path) => path !== `/${slugOf(5)}`);
    const after = await getAll(others);
    const hits = after.filter((answer) => answer.headers['x-cache'] === 'HIT').length;
    expect(hits / others.length).toBeGreaterThanOrEqual(0.99);
  });

  it('a site-wide change (navigation, globals, theme) refreshes every page of the site', async () => {
    const paths = slugs.map((slug) => `/${slug}`);
    await getAll(paths);
    expect((await get(paths[0] ?? '/')).headers['x-cache']).toBe('HIT');
    await invalidateSiteContent(redis, [{ siteId, collection: 'navigation' }]);
    const first = await eventually(
      () => get(paths[0] ?? '/'),
      (answer) => answer.headers['x-cache'] === 'MISS',
    );
    expect(first.headers['x-cache']).toBe('MISS');
    const rest = await getAll(paths.slice(1));
    expect(rest.filter((answer) => answer.headers['x-cache'] === 'HIT')).toHaveLength(0);
  });
});
