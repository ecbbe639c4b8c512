import { AREAS_ROOT, hubTrail } from '@spark/core';
import { listAreaArticles } from '@spark/db';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceContentChange, siteIdOf, testPool } from '../content/content-change.testing.js';
import { getSite, tenantHost } from '../http-cache/site-client.testing.js';

const pool = testPool();
const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => name === 'url' || name === 'sitemap',
});
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const stamp = Date.now().toString(36);
let alphaId = '';
let betaId = '';

interface Entry {
  loc: string;
  lastmod?: string;
}

/** Every public URL of a site per the database, with its honest lastmod (the test's own oracle). */
async function expectedUrls(siteId: string, origin: string): Promise<Map<string, string>> {
  const lastmod = `greatest(published_at, coalesce(date_updated, published_at))`;
  const { rows } = await pool.query<{ path: string; lastmod: Date }>(
    `select permalink as path, ${lastmod} as lastmod from pages
       where site_id = $1 and status = 'published' and not noindex
     union all
     select '/blog/' || slug, ${lastmod} from posts
       where site_id = $1 and status = 'published' and published_at <= now()
     union all
     select '/' || slug, ${lastmod} from generated_articles a
       where site_id = $1 and status = 'published'
         and not exists (select 1 from pages p where p.site_id = a.site_id and p.permalink = '/' || a.slug)`,
    [siteId],
  );
  const urls = new Map(rows.map((row) => [origin + row.path, row.lastmod.toISOString()]));
  const posts = rows.filter((row) => row.path.startsWith('/blog/'));
  if (posts.length > 0) {
    const newest = posts.reduce((a, b) => (a.lastmod > b.lastmod ? a : b));
    urls.set(`${origin}/blog`, newest.lastmod.toISOString());
  }
  // The areas index and one hub per state, county and city with a published article, dated by its newest one.
  const newestOf = (into: Map<string, string>, path: string, lastmod: string | undefined) => {
    const known = into.get(origin + path);
    if (lastmod && (!known || lastmod > known)) into.set(origin + path, lastmod);
  };
  for (const article of await listAreaArticles(pool, siteId)) {
    const lastmod = urls.get(`${origin}/${article.slug}`);
    for (const step of [{ path: AREAS_ROOT }, ...hubTrail(article)]) newestOf(urls, step.path, lastmod);
  }
  return urls;
}

async function xml(host: string, path: string) {
  const answer = await getSite(host, path);
  expect(answer.status, path).toBe(200);
  expect(answer.headers['content-type']).toMatch(/^application\/xml/);
  expect(XMLValidator.validate(answer.text), `${path} is well-formed XML`).toBe(true);
  return parser.parse(answer.text) as {
    sitemapindex?: { '@_xmlns': string; sitemap: Entry[] };
    urlset?: { '@_xmlns': string; url: Entry[] };
  };
}

async function insertArticle(siteId: string, slug: string, status: 'published' | 'qc') {
  await pool.query(
    `insert into generated_articles (site_id, title, slug, html_content, status, published_at, generation_key)
     values ($1, $2, $3, '<p>Local roofing advice.</p>', $4, case when $4 = 'published' then now() end, $5)`,
    [siteId, `Article ${slug}`, slug, status, `test:${slug}`],
  );
}

beforeAll(async () => {
  alphaId = await siteIdOf(pool, 'alpha.localhost');
  betaId = await siteIdOf(pool, 'beta.localhost');
  await insertArticle(alphaId, `roof-repair-austin-${stamp}`, 'published');
  await insertArticle(alphaId, `roof-repair-waco-${stamp}`, 'qc');
  await insertArticle(betaId, `dentist-raleigh-${stamp}`, 'published');
  await Promise.all([
    announceContentChange(alphaId, 'generated_articles'),
    announceContentChange(betaId, 'generated_articles'),
  ]);
});

afterAll(async () => {
  await pool.query(`delete from generated_articles where generation_key like $1`, [`test:%${stamp}`]);
  await Promise.all([
    announceContentChange(alphaId, 'generated_articles'),
    announceContentChange(betaId, 'generated_articles'),
  ]);
  await pool.end();
});

describe('sitemaps', () => {
  for (const domain of ['alpha.localhost', 'beta.localhost']) {
    it(`${domain}: the index and its children are valid sitemaps listing exactly the host's published URLs`, async () => {
      const host = tenantHost(domain);
      const origin = `http://${host}`;
      const index = await xml(host, '/sitemap.xml');
      expect(index.sitemapindex?.['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
      const listed = new Map<string, string | undefined>();
      for (const child of index.sitemapindex?.sitemap ?? []) {
        expect(child.loc.startsWith(`${origin}/sitemap-`)).toBe(true);
        const set = await xml(host, new URL(child.loc).pathname);
        expect(set.urlset?.['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
        const urls = set.urlset?.url ?? [];
        expect(urls.length).toBeLessThanOrEqual(50_000);
        for (const url of urls) {
          expect(url.lastmod).toMatch(W3C_DATETIME);
          listed.set(url.loc, url.lastmod);
        }
        const newest = urls
          .map((url) => url.lastmod ?? '')
          .sort()
          .at(-1);
        expect(child.lastmod, `${child.loc} lastmod is its newest entry`).toBe(newest);
      }
      expect(Object.fromEntries(listed)).toEqual(
        Object.fromEntries(await expectedUrls(domain === 'alpha.localhost' ? alphaId : betaId, origin)),
      );
    });
  }

  it('never lists another tenant, a draft, or an article still in review', async () => {
    const host = tenantHost('alpha.localhost');
    const all =
      (await getSite(host, '/sitemap-articles-1.xml')).text +
      (await getSite(host, '/sitemap-pages-1.xml')).text;
    expect(all).toContain(`/roof-repair-austin-${stamp}<`);
    expect(all).not.toContain(`roof-repair-waco-${stamp}`);
    expect(all).not.toContain(`dentist-raleigh-${stamp}`);
    expect(all).not.toContain('/draft-preview');
    expect((await getSite(host, '/sitemap-articles-2.xml')).status).toBe(404);
  });
});

describe('robots.txt and canonical URLs', () => {
  it('robots.txt names the sitemap index on the requesting host', async () => {
    const host = tenantHost('beta.localhost');
    const robots = await getSite(host, '/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.text).toMatch(/^User-agent: \*$/m);
    expect(robots.text).toContain(`\nSitemap: http://${host}/sitemap.xml\n`);
  });

  it('canonical and og:url use the host the request named, domain alias included', async () => {
    for (const domain of ['alpha.localhost', 'alpharoofing.localhost']) {
      const host = tenantHost(domain);
      const page = await getSite(host, '/about');
      expect(page.status).toBe(200);
      expect(page.text).toContain(`<link rel="canonical" href="http://${host}/about">`);
      expect(page.text).toContain(`<meta property="og:url" content="http://${host}/about">`);
    }
  });

  it('an unknown host gets a 404 with no tenant content, sitemap or robots', async () => {
    for (const path of ['/', '/sitemap.xml', '/robots.txt', '/blog/hail-damage-signs']) {
      const answer = await getSite(tenantHost('nobody.example'), path);
      expect(answer.status, path).toBe(404);
      expect(answer.text).not.toMatch(/Alpha Roofing|Beta Family Dental|sitemap-pages/);
    }
  });
});
