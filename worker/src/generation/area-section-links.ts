import {
  type AreaSectionLink,
  areaSectionLinks,
  areaSuccessors,
  buildAreaHubTree,
  NEARBY_AREA_KM,
  NEARBY_AREA_LIMIT,
} from '@spark/core';
import { listAreaArticles, listNearbyArticles, type NearbyArticle, type Pool } from '@spark/db';

/** Articles whose section links go out in one insert. */
const BATCH = 200;

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
  const { rows } = await pool.query<{ id: string; slug: string; end: number; city_id: string | null }>(
    `select id, slug, char_length(html_content) as end, city_id from generated_articles
     where site_id = $1 and campaign_id = $2 and status = 'published' order by id`,
    [siteId, campaignId],
  );
  // The nearby list depends only on the article's city (and campaign, the same for all of these): one
  // query per city, not per article. An article without a city has none.
  const nearbyOfCity = new Map<string, Promise<NearbyArticle[]>>();
  const nearbyOf = (article: { id: string; city_id: string | null }) => {
    if (!article.city_id) return Promise.resolve([]);
    let nearby = nearbyOfCity.get(article.city_id);
    if (!nearby) {
      nearby = listNearbyArticles(pool, siteId, article.id, NEARBY_AREA_KM, NEARBY_AREA_LIMIT);
      nearbyOfCity.set(article.city_id, nearby);
    }
    return nearby;
  };
  let inserted = 0;
  for (let offset = 0; offset < rows.length; offset += BATCH) {
    const sources: string[] = [];
    const positions: number[] = [];
    const links: AreaSectionLink[] = [];
    for (const article of rows.slice(offset, offset + BATCH)) {
      const nearby = await nearbyOf(article);
      for (const link of areaSectionLinks(
        article,
        tree.trailOf.get(article.id) ?? [],
        nearby,
        next.get(article.id),
      )) {
        sources.push(article.id);
        positions.push(article.end);
        links.push(link);
      }
    }
    if (links.length === 0) continue;
    const result = await pool.query(
      `insert into article_links (site_id, source_article_id, target_article_id, target_url, anchor_text, position)
       select $1, t.source, t.article, t.url, t.anchor, t.position
       from unnest($2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::text[]) as t(source, position, article, url, anchor)
       on conflict (source_article_id, target_url) do nothing`,
      [
        siteId,
        sources,
        positions,
        links.map((link) => link.articleId),
        links.map((link) => link.url),
        links.map((link) => link.anchor),
      ],
    );
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}
