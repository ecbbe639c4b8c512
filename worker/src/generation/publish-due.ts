import { HOLDING_FLAG_SQL, markArticlesPublished, type Pool, withTransaction, writeWorkLog } from '@spark/db';

const SLICE = 500;

/**
 * scheduled → published for every article whose publish_at has come. `published_at` is the moment it
 * actually went live (not publish_at), and JSON-LD datePublished equals it: a late run never backdates.
 * SKIP LOCKED lets two workers share the backlog. Returns the ids published, per site.
 * The publish gate applies here too: an article flagged after it was scheduled (or flagged again after its
 * override) stays scheduled and unpublished until the flag is resolved or ignored, or a person publishes it
 * with an override; it is then due at once.
 */
export async function publishDueArticles(
  pool: Pool,
  siteIds: string[] | null,
): Promise<Map<string, string[]>> {
  const perSite = new Map<string, string[]>();
  for (;;) {
    const published = await withTransaction(pool, async (client) => {
      const { rows } = await client.query<{ id: string; site_id: string; schema_json: unknown }>(
        `select a.id, a.site_id, a.schema_json from generated_articles a
         where a.status = 'scheduled' and a.publish_at <= now()
           and ($1::uuid[] is null or a.site_id = any($1::uuid[]))
           and not exists (select 1 from quality_flags f where ${HOLDING_FLAG_SQL})
         order by a.publish_at limit $2 for update of a skip locked`,
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
    for (const row of published) perSite.set(row.site_id, [...(perSite.get(row.site_id) ?? []), row.id]);
    if (published.length < SLICE) return perSite;
  }
}
