import { request } from 'node:http';
import {
  buildAreaHubTree,
  type CorpusFigures,
  crawlClickDepths,
  type FetchPage,
  hubPagePaths,
  type LinkGraphFigures,
  maxClickDepth,
  measureCorpus,
  measureLinkGraph,
} from '@spark/core';
import { listAreaArticles, type Pool } from '@spark/db';

/**
 * The demo corpus measured the one way the corpus integration test and `npm run bench corpus` share: the
 * figures come from @spark/core, this module only reads them off a running stack (its database and its
 * frontend, visited with the tenant in the Host header as a crawler would).
 */
/** Each demo tenant and the blueprint campaign whose corpus is measured. */
export const DEMO_CORPUS_SITES = [
  { domain: 'alpha.localhost', campaign: 'Texas city roofing pages' },
  { domain: 'beta.localhost', campaign: 'Triangle dentist pages' },
] as const;

export interface CorpusArticle {
  id: string;
  slug: string;
  city_id: string;
  html: string;
  word_count: number;
  county: string | null;
  population: number | null;
  avatar: string | null;
}

/** Every article of a campaign with the place facts it should state. */
export async function loadCampaignCorpus(pool: Pool, campaignId: string): Promise<CorpusArticle[]> {
  const { rows } = await pool.query<CorpusArticle>(
    `select g.id, g.slug, g.city_id, g.html_content as html, g.word_count, co.name as county, c.population,
            a.name as avatar
     from generated_articles g
     left join geo_cities c on c.id = g.city_id
     left join geo_counties co on co.id = g.county_id
     left join avatar_intelligence a on a.id = g.avatar_id
     where g.campaign_id = $1 order by g.id`,
    [campaignId],
  );
  return rows;
}

export function measureCampaignCorpus(
  articles: readonly CorpusArticle[],
  contactPath: string,
): CorpusFigures {
  return measureCorpus(
    articles.map((article) => ({ html: article.html, wordCount: article.word_count })),
    contactPath,
  );
}

/** A page of a tenant site from the stack's frontend: its HTML on a 200 HTML answer, else null. */
export function tenantPageFetcher(frontendUrl: string, domain: string): FetchPage {
  const base = new URL(frontendUrl);
  const host = `${domain}:${base.port}`;
  return (path) =>
    new Promise((resolve, reject) => {
      const req = request(
        { hostname: base.hostname, port: base.port, path, method: 'GET', headers: { host }, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const html =
              res.statusCode === 200 &&
              /^(text\/html|application\/xml|text\/xml)/.test(res.headers['content-type'] ?? '');
            resolve(html ? Buffer.concat(chunks).toString('utf8') : null);
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });
}

export interface SiteFigures {
  links: LinkGraphFigures;
  /** The most clicks from `/` to any published article of the campaign (null when some was not reached). */
  maxClickDepth: number | null;
  unreachedArticles: string[];
  /** Hub pages (every page of every hub). */
  hubs: number;
  hubsMissingFromSitemap: string[];
}

/** The clicks a crawler may need from `/` to an article: home → areas → hub → article. */
export const MAX_CLICKS = 3;

/** Hub paths (`/areas/...`) listed in the site's hub sitemaps, found through the sitemap index. */
async function sitemapHubPaths(fetchPage: FetchPage): Promise<Set<string>> {
  const index = (await fetchPage('/sitemap.xml')) ?? '';
  const listed = new Set<string>();
  for (const [, sitemap] of index.matchAll(/<loc>[^<]*?(\/sitemap-hubs[^<]*\.xml)<\/loc>/g)) {
    const text = (await fetchPage(sitemap ?? '')) ?? '';
    for (const [, path] of text.matchAll(/<loc>[^<]*?(\/areas[^<]*)<\/loc>/g)) if (path) listed.add(path);
  }
  return listed;
}

/** The link graph, crawl depth and hub sitemap of a campaign whose articles are published and linked. */
export async function measurePublishedSite(
  pool: Pool,
  site: { siteId: string; campaignId: string; domain: string; frontendUrl: string },
): Promise<SiteFigures> {
  const [articles, edges] = await Promise.all([
    pool.query<{ id: string; slug: string; links: number }>(
      `select a.id, a.slug, (select count(*)::int from article_links l where l.source_article_id = a.id) as links
       from generated_articles a where a.campaign_id = $1 and a.status = 'published'`,
      [site.campaignId],
    ),
    pool.query<{ sourceId: string; targetId: string }>(
      `select l.source_article_id as "sourceId", l.target_article_id as "targetId" from article_links l
       join generated_articles s on s.id = l.source_article_id and s.status = 'published'
       where l.site_id = $1 and l.target_article_id is not null`,
      [site.siteId],
    ),
  ]);
  const fetchPage = tenantPageFetcher(site.frontendUrl, site.domain);
  const depths = await crawlClickDepths(fetchPage, MAX_CLICKS);
  const depth = maxClickDepth(
    depths,
    articles.rows.map((article) => `/${article.slug}`),
  );
  const tree = buildAreaHubTree(await listAreaArticles(pool, site.siteId));
  const hubPages = [...tree.hubs.values()].flatMap((hub) => hubPagePaths(hub));
  const listed = await sitemapHubPaths(fetchPage);
  return {
    links: measureLinkGraph(articles.rows, edges.rows),
    maxClickDepth: depth.max,
    unreachedArticles: depth.missing,
    hubs: hubPages.length,
    hubsMissingFromSitemap: hubPages.filter((path) => !listed.has(path)),
  };
}
