import {
  areaSectionLinks,
  areaSuccessors,
  buildAreaHubTree,
  NEARBY_AREA_KM,
  NEARBY_AREA_LIMIT,
} from '@spark/core';
import {
  createPool,
  listAreaArticles,
  listNearbyArticles,
  markArticlesPublished,
  type PublishableArticle,
  withTransaction,
} from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticlesChunk } from './generate-articles.js';
import { insertLinks } from './insert-links.js';
import { type FragmentUsage, fragmentUsage, removeDemoCampaignCopy } from './test-support/fixtures.js';

/**
 * The link graph of a published demo campaign: after insert-links, no published article is an orphan and every
 * one has at least 3 internal links (its area hubs, nearby cities' articles, the next article), and running it
 * again adds nothing. The articles come from the real generation pipeline (in this process) with the demo library.
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 4 });
const ARTICLES = 300;
let siteId = '';
let campaignId = '';

async function linksJob(): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into generation_jobs (site_id, campaign_id, type, status, params)
     values ($1, $2, 'insert_links', 'queued', '{}') returning id`,
    [siteId, campaignId],
  );
  return rows[0]?.id ?? '';
}

let usage: FragmentUsage = [];

beforeAll(async () => {
  const { rows: campaigns } = await pool.query<{ id: string; site_id: string }>(
    `insert into campaign_masters (site_id, name, headline_spintax_root, niche_variables, location_mode,
                                   target_state_id, avatar_ids, template_id, target_word_count)
     select m.site_id, m.name || ' (links ' || gen_random_uuid() || ')', m.headline_spintax_root, m.niche_variables,
            m.location_mode, m.target_state_id, m.avatar_ids, m.template_id, m.target_word_count
     from campaign_masters m join sites s on s.id = m.site_id
     where s.domain = 'alpha.localhost' and m.name = 'Texas city roofing pages'
     returning id, site_id`,
  );
  campaignId = campaigns[0]?.id ?? '';
  siteId = campaigns[0]?.site_id ?? '';
  if (!campaignId) throw new Error('the demo campaign of alpha.localhost is not seeded');
  usage = await fragmentUsage(pool, siteId);
  // One headline per Texas city (biggest first), reserved for one job, as generate-article leaves them.
  const { rows: jobs } = await pool.query<{ id: string }>(
    `insert into generation_jobs (site_id, campaign_id, type, status, params, total)
     values ($1, $2, 'generate_articles', 'queued', jsonb_build_object('count', $3::int), $3) returning id`,
    [siteId, campaignId, ARTICLES],
  );
  const jobId = jobs[0]?.id ?? '';
  await pool.query(
    `insert into headline_inventory (site_id, campaign_id, text, spintax_index, variant_key, state_id, county_id,
                                     city_id, avatar_id, status, claimed_by_job, claimed_at)
     select m.site_id, m.id, format('%s in %s, %s', m.niche_variables->>'Niche', c.name, s.code), 0,
            format('%s:links:%s', m.id, c.id), c.state_id, c.county_id, c.id, m.avatar_ids[1], 'claimed', $2::uuid, now()
     from campaign_masters m
     join geo_cities c on c.state_id = m.target_state_id and c.geom is not null
     join geo_states s on s.id = c.state_id
     where m.id = $1
     order by c.population desc nulls last, c.name
     limit $3`,
    [campaignId, jobId, ARTICLES],
  );
  const result = await generateArticlesChunk(
    pool,
    { generationJobId: jobId, siteId, campaignId, chunk: 0 },
    async () => {},
  );
  expect(result.failed).toBe(0);
  const { rows: generated } = await pool.query<PublishableArticle>(
    'select id, schema_json from generated_articles where campaign_id = $1',
    [campaignId],
  );
  expect(generated).toHaveLength(ARTICLES);
  await withTransaction(pool, (client) => markArticlesPublished(client, generated, new Date()));
}, 120_000);

afterAll(async () => {
  await removeDemoCampaignCopy(pool, campaignId, usage);
  await pool.end();
});

describe('insert-links on a published demo campaign', () => {
  it('leaves no orphan, gives every article at least 3 internal links, and adds nothing when re-run', async () => {
    // Two runs requested together: one links the campaign, the other waits for it and then finds nothing to add
    // (rather than planning from the bodies the first is rewriting, or failing on the links it records).
    const [oneRun, otherRun] = [await linksJob(), await linksJob()];
    const runs = await Promise.all([
      insertLinks(pool, oneRun, siteId, async () => {}),
      insertLinks(pool, otherRun, siteId, async () => {}),
    ]);
    for (const run of runs) expect(run).toMatchObject({ articles: ARTICLES, orphans: 0 });
    const [idle, first] = [...runs].sort((a, b) => a.links - b.links);
    expect(idle?.links).toBe(0);
    expect(first?.links).toBeGreaterThanOrEqual(3 * ARTICLES);
    const { rows: total } = await pool.query<{ n: number }>(
      `select count(*)::int as n from article_links l join generated_articles a on a.id = l.source_article_id
       where a.campaign_id = $1`,
      [campaignId],
    );
    expect(total[0]?.n).toBe(first?.links);

    const { rows } = await pool.query<{ id: string; links: number; inbound: number }>(
      `select a.id,
              (select count(*)::int from article_links l where l.source_article_id = a.id) as links,
              (select count(*)::int from article_links l where l.target_article_id = a.id) as inbound
       from generated_articles a where a.campaign_id = $1`,
      [campaignId],
    );
    expect(rows).toHaveLength(ARTICLES);
    expect(rows.filter((row) => row.links < 3)).toEqual([]);
    expect(rows.filter((row) => row.inbound === 0)).toEqual([]);

    const again = await insertLinks(pool, await linksJob(), siteId, async () => {});
    expect(again).toMatchObject({ articles: ARTICLES, links: 0, orphans: 0 });
  }, 60_000); // two linking runs over the whole campaign: seconds on a busy machine

  it("records each article's area section exactly as the page builds it, after the article's final body", async () => {
    // The section as the page builds it: per article, its own nearby query, hub trail and next article.
    const areaArticles = await listAreaArticles(pool, siteId);
    const tree = buildAreaHubTree(areaArticles);
    const next = areaSuccessors(areaArticles);
    const { rows: articles } = await pool.query<{ id: string; slug: string; end: number }>(
      `select id, slug, char_length(html_content) as end from generated_articles
       where campaign_id = $1 and status = 'published'`,
      [campaignId],
    );
    expect(articles).toHaveLength(ARTICLES);
    const { rows: recorded } = await pool.query<{
      source: string;
      url: string;
      anchor: string;
      article: string | null;
      position: number;
    }>(
      `select l.source_article_id as source, l.target_url as url, l.anchor_text as anchor,
              l.target_article_id as article, l.position
       from article_links l join generated_articles a on a.id = l.source_article_id
       where a.campaign_id = $1`,
      [campaignId],
    );
    const key = (source: string, url: string) => `${source} ${url}`;
    const bodyLinks = new Set(
      recorded
        .filter((row) => row.position !== articles.find((a) => a.id === row.source)?.end)
        .map((row) => key(row.source, row.url)),
    );
    const expected: string[] = [];
    for (const article of articles) {
      const nearby = await listNearbyArticles(pool, siteId, article.id, NEARBY_AREA_KM, NEARBY_AREA_LIMIT);
      // A URL the body already links to is recorded once, as the body's link.
      for (const link of areaSectionLinks(
        article,
        tree.trailOf.get(article.id) ?? [],
        nearby,
        next.get(article.id),
      ))
        if (!bodyLinks.has(key(article.id, link.url)))
          expected.push(JSON.stringify([article.id, link.url, link.anchor, link.articleId, article.end]));
    }
    const sectionRows = recorded
      .filter((row) => !bodyLinks.has(key(row.source, row.url)))
      .map((row) => JSON.stringify([row.source, row.url, row.anchor, row.article, row.position]));
    expect(expected.length).toBeGreaterThan(3 * ARTICLES);
    expect(sectionRows.sort()).toEqual(expected.sort());
  }, 60_000);

  it('links an article to its hubs and to published articles of nearby cities, nearest first', async () => {
    const { rows } = await pool.query<{ target_url: string; target_article_id: string | null }>(
      `select l.target_url, l.target_article_id from article_links l
       join generated_articles a on a.id = l.source_article_id
       join geo_cities c on c.id = a.city_id
       where a.campaign_id = $1 and c.name = 'Austin' order by l.target_url`,
      [campaignId],
    );
    const urls = rows.map((row) => row.target_url);
    expect(urls).toEqual(
      expect.arrayContaining(['/areas/tx', '/areas/tx/travis-county', '/areas/tx/travis-county/austin']),
    );
    expect(rows.filter((row) => row.target_article_id !== null).length).toBeGreaterThanOrEqual(3);
    const { rows: targets } = await pool.query<{ status: string; site_id: string }>(
      'select status, site_id from generated_articles where id = any($1::uuid[])',
      [rows.flatMap((row) => (row.target_article_id ? [row.target_article_id] : []))],
    );
    expect(targets.every((target) => target.status === 'published' && target.site_id === siteId)).toBe(true);
  });
});
