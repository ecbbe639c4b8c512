import { isArticleSchema, markArticlePublished } from '@spark/core';
import type { PoolClient } from 'pg';

export interface PublishableArticle {
  id: string;
  schema_json: unknown;
}

/**
 * Marks articles published at `now` in one statement, stamping the same instant into their JSON-LD
 * (`datePublished` is when the article went live: no backdating). Callers hold the rows' locks.
 */
export async function markArticlesPublished(
  client: PoolClient,
  articles: readonly PublishableArticle[],
  now: Date,
): Promise<void> {
  if (articles.length === 0) return;
  await client.query(
    `update generated_articles a set status = 'published', published_at = $2, schema_json = t.schema
     from unnest($1::uuid[], $3::jsonb[]) as t(id, schema) where a.id = t.id`,
    [
      articles.map((article) => article.id),
      now,
      articles.map((article) =>
        isArticleSchema(article.schema_json)
          ? JSON.stringify(markArticlePublished(article.schema_json, now))
          : null,
      ),
    ],
  );
}
