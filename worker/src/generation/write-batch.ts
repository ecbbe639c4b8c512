import type { PoolClient } from '@spark/db';
import type { FailedHeadline, ReadyArticle } from './assemble-batch.js';
import { encodeSignature, MINHASH_VERSION } from './fingerprint.js';
import type { ProductionContext } from './production-context.js';

/**
 * Multi-row writes of one batch, all inside the batch's transaction: one statement per table however many
 * articles the batch holds (unnest of column arrays), never one round trip per row.
 */

/** Anything that runs a query: the pool, or a client inside a transaction. */
type Queryable = Pick<PoolClient, 'query'>;

/**
 * LSH band hashes of articles, one array row each with the MinHash signature they were cut from, so later
 * scans find near-duplicates by shared bands and compare signatures without re-reading the articles. An
 * article keeps a row of the current MinHash scheme (a retried batch, a rescan); a row of an older scheme,
 * or one written before signatures were stored, is replaced.
 */
export async function insertFingerprints(
  db: Queryable,
  siteId: string,
  articles: { id: string; signature: Uint32Array; bandHashes: readonly number[] }[],
): Promise<void> {
  if (articles.length === 0) return;
  await db.query(
    `insert into article_fingerprints (site_id, article_id, minhash_version, band_hashes, signature)
     select $1, t.article_id, $4, t.band_hashes::bigint[], decode(t.signature, 'hex')
     from unnest($2::uuid[], $3::text[], $5::text[]) as t(article_id, band_hashes, signature)
     on conflict (article_id) do update
       set minhash_version = excluded.minhash_version, band_hashes = excluded.band_hashes,
           signature = excluded.signature
       where article_fingerprints.minhash_version <> excluded.minhash_version
          or article_fingerprints.signature is null`,
    [
      siteId,
      articles.map((a) => a.id),
      articles.map((a) => `{${a.bandHashes.join(',')}}`),
      MINHASH_VERSION,
      articles.map((a) => encodeSignature(a.signature).toString('hex')),
    ],
  );
}

/** Short articles are kept but flagged for review with their word count. */
export async function flagShortArticles(
  client: PoolClient,
  context: ProductionContext,
  articles: { id: string; wordCount: number }[],
): Promise<void> {
  if (articles.length === 0) return;
  await client.query(
    `insert into quality_flags (site_id, article_id, type, score, details)
     select $1, t.id, 'short', t.words, jsonb_build_object('target_word_count', $4::int)
     from unnest($2::uuid[], $3::int[]) as t(id, words)
     on conflict do nothing`,
    [context.siteId, articles.map((a) => a.id), articles.map((a) => a.wordCount), context.targetWordCount],
  );
}

/** Done headlines become `used`; failed ones go back to the inventory so a fixed library can retry them. */
export async function settleHeadlines(client: PoolClient, usedIds: string[], failed: FailedHeadline[]) {
  if (usedIds.length > 0) {
    await client.query(`update headline_inventory set status = 'used' where id = any($1::uuid[])`, [usedIds]);
  }
  if (failed.length > 0) {
    await client.query(
      `update headline_inventory set status = 'available', claimed_by_job = null, claimed_at = null
       where id = any($1::uuid[])`,
      [failed.map((item) => item.headline.id)],
    );
  }
}

/** Locks the fragment rows in id order first, so concurrent batches never deadlock on them. */
export async function addFragmentUsage(client: PoolClient, ready: ReadyArticle[]): Promise<void> {
  const counts = new Map<string, number>();
  for (const { article } of ready) {
    for (const id of article.fragmentIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  if (counts.size === 0) return;
  const ids = [...counts.keys()].sort();
  await client.query('select id from content_fragments where id = any($1::uuid[]) order by id for update', [
    ids,
  ]);
  await client.query(
    `update content_fragments f set usage_count = f.usage_count + t.n
     from unnest($1::uuid[], $2::int[]) as t(id, n) where f.id = t.id`,
    [ids, ids.map((id) => counts.get(id) ?? 0)],
  );
}
