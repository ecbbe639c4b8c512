import { cachedRead } from './cached-read.js';
import { readItems } from './directus.js';
import { type ArticleRow, articleRowSchema } from './schemas.js';

const ARTICLE_FIELDS = [
  'id',
  'slug',
  'title',
  'html_content',
  'excerpt',
  'meta_title',
  'meta_description',
  'word_count',
  'published_at',
  'date_updated',
] as const;

/** A published generated article by slug, or null (queued, in review, scheduled and archived never show). */
export function findArticle(siteId: string, slug: string): Promise<ArticleRow | null> {
  return cachedRead(siteId, `article:${slug}`, async (version) => {
    const { rows } = await readItems(
      'generated_articles',
      {
        fields: ARTICLE_FIELDS,
        filter: { site_id: { _eq: siteId }, slug: { _eq: slug }, status: { _eq: 'published' } },
        limit: 1,
        version,
      },
      articleRowSchema,
    );
    return rows[0] ?? null;
  });
}
