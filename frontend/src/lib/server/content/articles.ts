import { findPublishedArticle } from '@spark/db';
import { database } from '../connections.js';
import { cachedRead } from './cached-read.js';
import { type ArticleRow, articleRowSchema } from './schemas.js';

/**
 * A live generated article by slug, or null (queued, in review, scheduled, embargoed and archived never
 * show). Read with SQL through `findPublishedArticle`, which enforces the published-only rule and the site
 * in its one statement; the row is validated here exactly as a Directus answer would be.
 */
export function findArticle(siteId: string, slug: string): Promise<ArticleRow | null> {
  return cachedRead(siteId, `article:${slug}`, async () => {
    const row = await findPublishedArticle(database(), siteId, slug);
    if (row === null) return null;
    const parsed = articleRowSchema.safeParse(row);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new Error(`unexpected generated_articles row (${first?.path.join('.')}: ${first?.message})`);
    }
    return parsed.data;
  });
}
