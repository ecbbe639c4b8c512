import { findPublishedArticle } from '@spark/db';
import { database } from '../connections.js';
import { type ArticleRow, articleRowSchema } from './schemas.js';

/**
 * A live generated article by slug, or null (queued, in review, scheduled, embargoed and archived never
 * show). Read with SQL through `findPublishedArticle`, which enforces the published-only rule and the site
 * in its one statement; the row is validated here exactly as a Directus answer would be. Not kept in the
 * content cache: the query costs about what a Redis round trip does, the rendered page is what gets cached,
 * and the long tail of article slugs would only crowd the in-process memo of shared reads.
 */
export async function findArticle(siteId: string, slug: string): Promise<ArticleRow | null> {
  const row = await findPublishedArticle(database(), siteId, slug);
  if (row === null) return null;
  const parsed = articleRowSchema.safeParse(row);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`unexpected generated_articles row (${first?.path.join('.')}: ${first?.message})`);
  }
  return parsed.data;
}
