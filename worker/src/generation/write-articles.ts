import type { PoolClient } from '@spark/db';
import { assembleBatch, type ReadyArticle } from './assemble-batch.js';
import type { ProductionContext } from './production-context.js';

const SLUG_RETRIES = 3;

/** Inserts the articles; returns generation_key → id of the rows written. Skipped rows hit a unique key. */
export async function insertArticles(
  client: PoolClient,
  context: ProductionContext,
  ready: ReadyArticle[],
): Promise<Map<string, string>> {
  if (ready.length === 0) return new Map();
  const column = <T>(pick: (item: ReadyArticle) => T) => ready.map(pick);
  const { rows } = await client.query<{ id: string; generation_key: string }>(
    `insert into generated_articles
       (site_id, campaign_id, job_id, status, headline_id, title, slug, html_content, excerpt, meta_title,
        meta_description, schema_json, word_count, state_id, county_id, city_id, avatar_id, fragment_ids,
        generation_key)
     select $1, $2, $3, 'qc', t.headline_id, t.title, t.slug, t.html, t.excerpt, t.meta_title, t.meta_description,
            t.schema_json, t.word_count, t.state_id, t.county_id, t.city_id, t.avatar_id, t.fragment_ids::uuid[],
            t.generation_key
     from unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                 $11::jsonb[], $12::int[], $13::uuid[], $14::uuid[], $15::uuid[], $16::uuid[], $17::text[],
                 $18::text[])
       as t(headline_id, title, slug, html, excerpt, meta_title, meta_description, schema_json, word_count,
            state_id, county_id, city_id, avatar_id, fragment_ids, generation_key)
     on conflict do nothing
     returning id, generation_key`,
    [
      context.siteId,
      context.campaignId,
      context.jobId,
      column((r) => r.headline.id),
      column((r) => r.article.title),
      column((r) => r.article.slug),
      column((r) => r.article.html),
      column((r) => r.article.excerpt),
      column((r) => r.article.metaTitle),
      column((r) => r.article.metaDescription),
      column((r) => JSON.stringify(r.article.schema)),
      column((r) => r.article.wordCount),
      column((r) => r.headline.state_id),
      column((r) => r.headline.county_id),
      column((r) => r.headline.city_id),
      column((r) => r.headline.avatar_id),
      column((r) => `{${r.article.fragmentIds.join(',')}}`),
      column((r) => r.headline.variant_key),
    ],
  );
  return new Map(rows.map((row) => [row.generation_key, row.id]));
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
