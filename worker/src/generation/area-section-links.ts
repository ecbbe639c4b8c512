import {
  areaSectionLinks,
  areaSuccessors,
  buildAreaHubTree,
  NEARBY_AREA_KM,
  NEARBY_AREA_LIMIT,
} from '@spark/core';
import { listAreaArticles, listNearbyArticles, type Pool } from '@spark/db';

/**
 * Records the links of each published article's "Nearby areas" section (nearby cities' articles, its area hubs,
 * the next article in area order) in article_links, so the link and orphan reports see what the page renders.
 * The section is rendered from the same queries at request time, so it never points at an unpublished article.
 * Re-running inserts nothing twice (one row per source and URL).
 */
export async function recordAreaSectionLinks(
  pool: Pool,
  siteId: string,
  campaignId: string,
): Promise<number> {
  const articles = await listAreaArticles(pool, siteId);
  const tree = buildAreaHubTree(articles);
  const next = areaSuccessors(articles);
  const { rows } = await pool.query<{ id: string; slug: string; end: number }>(
    `select id, slug, char_length(html_content) as end from generated_articles
     where site_id = $1 and campaign_id = $2 and status = 'published' order by id`,
    [siteId, campaignId],
  );
  let inserted = 0;
  for (const article of rows) {
    const nearby = await listNearbyArticles(pool, siteId, article.id, NEARBY_AREA_KM, NEARBY_AREA_LIMIT);
    const links = areaSectionLinks(article, tree.trailOf.get(article.id) ?? [], nearby, next.get(article.id));
    if (links.length === 0) continue;
    const result = await pool.query(
      `insert into article_links (site_id, source_article_id, target_article_id, target_url, anchor_text, position)
       select $1, $2, t.article, t.url, t.anchor, $3
       from unnest($4::uuid[], $5::text[], $6::text[]) as t(article, url, anchor)
       on conflict (source_article_id, target_url) do nothing`,
      [
        siteId,
        article.id,
        article.end,
        links.map((link) => link.articleId),
        links.map((link) => link.url),
        links.map((link) => link.anchor),
      ],
    );
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}
