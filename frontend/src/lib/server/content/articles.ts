import { NEARBY_AREA_KM, NEARBY_AREA_LIMIT } from '@spark/core';
import { findPublishedArticlePage } from '@spark/db';
import { z } from 'zod';
import { database } from '../connections.js';
import { type ArticleRow, articleRowSchema } from './schemas.js';

const nearbyArticleSchema = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  title: z.string(),
  cityName: z.string(),
  km: z.number(),
});
export type NearbyArticle = z.infer<typeof nearbyArticleSchema>;

const articlePageRowSchema = articleRowSchema.extend({ nearby: z.array(nearbyArticleSchema) });

/**
 * A live generated article by slug with the published articles of nearby cities its page links to, or null
 * (queued, in review, scheduled, embargoed and archived never show). Read with SQL in one statement through
 * `findPublishedArticlePage`, which enforces the published-only rule and the site itself; the row is
 * validated here exactly as a Directus answer would be. Not kept in the content cache: the query costs about
 * what a Redis round trip does, the rendered page is what gets cached, and the long tail of article slugs
 * would only crowd the in-process memo of shared reads.
 */
export async function findArticle(
  siteId: string,
  slug: string,
): Promise<{ article: ArticleRow; nearby: NearbyArticle[] } | null> {
  const row = await findPublishedArticlePage(database(), siteId, slug, {
    km: NEARBY_AREA_KM,
    limit: NEARBY_AREA_LIMIT,
  });
  if (row === null) return null;
  const parsed = articlePageRowSchema.safeParse(row);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`unexpected generated_articles row (${first?.path.join('.')}: ${first?.message})`);
  }
  const { nearby, ...article } = parsed.data;
  return { article, nearby };
}
