import { type ArticleSchema, markArticlePublished } from '@spark/core';
import { type Pool, withTransaction } from '@spark/db';

const SLICE = 500;

function isArticleSchema(value: unknown): value is ArticleSchema {
  if (!value || typeof value !== 'object') return false;
  const graph = (value as { '@graph'?: unknown })['@graph'];
  return (
    Array.isArray(graph) && graph.length === 2 && graph.every((node) => node && typeof node === 'object')
  );
}

/**
 * scheduled → published for every article whose publish_at has come. `published_at` is the moment it
 * actually went live (not publish_at), and JSON-LD datePublished equals it: a late run never backdates.
 * SKIP LOCKED lets two workers share the backlog. Returns the sites that changed, per count.
 */
export async function publishDueArticles(pool: Pool, siteIds: string[] | null): Promise<Map<string, number>> {
  const perSite = new Map<string, number>();
  for (;;) {
    const published = await withTransaction(pool, async (client) => {
      const { rows } = await client.query<{ id: string; site_id: string; schema_json: unknown }>(
        `select id, site_id, schema_json from generated_articles
         where status = 'scheduled' and publish_at <= now() and ($1::uuid[] is null or site_id = any($1::uuid[]))
         order by publish_at limit $2 for update skip locked`,
        [siteIds, SLICE],
      );
      if (rows.length === 0) return rows;
      const now = new Date();
      await client.query(
        `update generated_articles a set status = 'published', published_at = $2, schema_json = t.schema
         from unnest($1::uuid[], $3::jsonb[]) as t(id, schema) where a.id = t.id`,
        [
          rows.map((row) => row.id),
          now,
          rows.map((row) =>
            isArticleSchema(row.schema_json)
              ? JSON.stringify(markArticlePublished(row.schema_json, now))
              : null,
          ),
        ],
      );
      const counts = new Map<string, number>();
      for (const row of rows) counts.set(row.site_id, (counts.get(row.site_id) ?? 0) + 1);
      for (const [siteId, count] of counts) {
        await client.query(
          `insert into work_log (action, entity_type, site_id, details)
           values ('articles.publish-scheduled', 'generated_articles', $1, jsonb_build_object('published', $2::int))`,
          [siteId, count],
        );
      }
      return rows;
    });
    for (const row of published) perSite.set(row.site_id, (perSite.get(row.site_id) ?? 0) + 1);
    if (published.length < SLICE) return perSite;
  }
}
