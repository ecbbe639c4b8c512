import type { Pool, PoolClient } from 'pg';

type Queryable = Pick<Pool | PoolClient, 'query'>;

/**
 * The read path of public article pages, in SQL instead of through Directus (whose per-request permission
 * work cost ~7–8 ms of CPU per item). It applies the same rule as the SSR reader's Directus policy, in the
 * statement itself so no caller can forget it: only the given site's rows, only `status = 'published'`, only
 * once `published_at` has passed (an embargoed row is not live yet). Columns are listed, never `*`, so a
 * column added later is not exposed by accident. Timestamps come back as ISO-8601 text, like Directus's.
 */
const LIVE_ARTICLE = `a.site_id = $1 and a.status = 'published' and a.published_at <= now()`;

const ISO = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ${column.replace(/^a\./, '')}`;

const ARTICLE_COLUMNS = [
  'a.id',
  'a.slug',
  'a.title',
  'a.html_content',
  'a.excerpt',
  'a.meta_title',
  'a.meta_description',
  'a.word_count',
  'a.city_id',
  ISO('a.published_at'),
  ISO('a.date_updated'),
].join(', ');

/** A live article of the site by slug, as unvalidated columns (the caller parses them), or null. */
export async function findPublishedArticle(
  db: Queryable,
  siteId: string,
  slug: string,
): Promise<Record<string, unknown> | null> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select ${ARTICLE_COLUMNS} from generated_articles a where ${LIVE_ARTICLE} and a.slug = $2 limit 1`,
    [siteId, slug],
  );
  return rows[0] ?? null;
}
