import type { PoolClient } from '@spark/db';
import { assembleBatch, type ReadyArticle } from './assemble-batch.js';
import type { ProductionContext } from './production-context.js';

const SLUG_RETRIES = 3;

/** The columns each article row supplies; site, campaign, job and status are the same for the whole batch. */
const ARTICLE_COLUMNS = [
  'headline_id',
  'title',
  'slug',
  'html_content',
  'excerpt',
  'meta_title',
  'meta_description',
  'schema_json',
  'word_count',
  'state_id',
  'county_id',
  'city_id',
  'avatar_id',
  'fragment_ids',
  'generation_key',
] as const;

function articleValues(item: ReadyArticle): unknown[] {
  const { headline, article } = item;
  return [
    headline.id,
    article.title,
    article.slug,
    article.html,
    article.excerpt,
    article.metaTitle,
    article.metaDescription,
    JSON.stringify(article.schema),
    article.wordCount,
    headline.state_id,
    headline.county_id,
    headline.city_id,
    headline.avatar_id,
    `{${article.fragmentIds.join(',')}}`,
    headline.variant_key,
  ];
}

/**
 * Inserts the articles; returns generation_key → id of the rows written. Skipped rows hit a unique key.
 * One multi-row VALUES statement with a parameter per value: the kilobytes of HTML per article travel as
 * plain parameters, not inside array literals that both sides would have to escape and parse.
 */
export async function insertArticles(
  client: PoolClient,
  context: ProductionContext,
  ready: ReadyArticle[],
): Promise<Map<string, string>> {
  if (ready.length === 0) return new Map();
  const params: unknown[] = [context.siteId, context.campaignId, context.jobId];
  const rows = ready.map((item) => {
    const placeholders = articleValues(item).map((value) => `$${params.push(value)}`);
    return `($1, $2, $3, 'qc', ${placeholders.join(', ')})`;
  });
  const { rows: inserted } = await client.query<{ id: string; generation_key: string }>(
    `insert into generated_articles (site_id, campaign_id, job_id, status, ${ARTICLE_COLUMNS.join(', ')})
     values ${rows.join(', ')}
     on conflict do nothing
     returning id, generation_key`,
    params,
  );
  return new Map(inserted.map((row) => [row.generation_key, row.id]));
}

/** Of the keys not inserted, those already stored (an earlier run committed them) map to their ids. */
export async function existingArticles(client: PoolClient, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const { rows } = await client.query<{ id: string; generation_key: string }>(
    'select id, generation_key from generated_articles where generation_key = any($1::text[])',
    [keys],
  );
  return new Map(rows.map((row) => [row.generation_key, row.id]));
}

/** Writes the batch's articles, re-slugging the few that lost a slug race with a concurrent batch. */
export async function writeArticles(client: PoolClient, context: ProductionContext, ready: ReadyArticle[]) {
  const written: { item: ReadyArticle; id: string; isNew: boolean }[] = [];
  let pending = ready;
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    const inserted = await insertArticles(client, context, pending);
    const missing = pending.filter((item) => !inserted.has(item.headline.variant_key));
    const existing = await existingArticles(
      client,
      missing.map((item) => item.headline.variant_key),
    );
    for (const item of pending) {
      const id = inserted.get(item.headline.variant_key) ?? existing.get(item.headline.variant_key);
      if (id) written.push({ item, id, isNew: inserted.has(item.headline.variant_key) });
    }
    pending = missing.filter((item) => !existing.has(item.headline.variant_key));
    if (pending.length === 0) break;
    if (attempt >= SLUG_RETRIES) throw new Error(`slug conflicts persisted for ${pending.length} articles`);
    const { rows } = await client.query<{ slug: string }>(
      'select slug from generated_articles where site_id = $1',
      [context.siteId],
    );
    for (const row of rows) context.takenSlugs.add(row.slug);
    pending = assembleBatch(
      context,
      pending.map((item) => item.headline),
      new Date(),
    ).ready;
  }
  return written;
}
