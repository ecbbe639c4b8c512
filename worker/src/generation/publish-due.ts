import { markArticlesPublished, type Pool, withTransaction, writeWorkLog } from '@spark/db';

const SLICE = 500;

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
      await markArticlesPublished(client, rows, now);
      const counts = new Map<string, number>();
      for (const row of rows) counts.set(row.site_id, (counts.get(row.site_id) ?? 0) + 1);
      for (const [siteId, count] of counts) {
        await writeWorkLog(
          {
            action: 'articles.publish-scheduled',
            entityType: 'generated_articles',
            siteId,
            details: { published: count },
          },
          client,
        );
      }
      return rows;
    });
    for (const row of published) perSite.set(row.site_id, (perSite.get(row.site_id) ?? 0) + 1);
    if (published.length < SLICE) return perSite;
  }
}
