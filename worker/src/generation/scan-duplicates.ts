import { scanDuplicatesParams } from '@spark/contracts';
import { estimateJaccard, htmlToText, longestSharedRun } from '@spark/core';
import type { Pool } from '@spark/db';
import { finishJob, startAnalysisJob } from '@spark/jobs';
import { bandHashesOf, MINHASH_VERSION, signatureOf } from './fingerprint.js';
import { insertFingerprints } from './write-batch.js';

const PAGE = 500;

interface ArticleText {
  id: string;
  html_content: string;
}

interface Fingerprinted {
  signature: Uint32Array;
  text: string;
}

async function loadArticles(pool: Pool, ids: string[]): Promise<ArticleText[]> {
  const { rows } = await pool.query<ArticleText>(
    'select id, html_content from generated_articles where id = any($1::uuid[])',
    [ids],
  );
  return rows;
}

/**
 * Candidate pairs by LSH band overlap in article_fingerprints (the whole site corpus, GIN index), confirmed
 * by estimated Jaccard ≥ threshold, flagged in quality_flags with the longest shared passage. Articles
 * without fingerprints (imported, or older) get them on the way, so the index becomes complete.
 */
export async function scanDuplicates(pool: Pool, generationJobId: string, siteId: string) {
  const started = await startAnalysisJob(pool, { generationJobId, siteId }, scanDuplicatesParams, 'scan');
  if (!started) return { scanned: 0, flagged: 0 };
  const { job, params } = started;
  const { threshold, campaign_id: campaignId } = params;
  const known = new Map<string, Fingerprinted>();
  const fingerprint = (article: ArticleText): Fingerprinted => {
    const text = htmlToText(article.html_content);
    const entry = { signature: signatureOf(text), text };
    known.set(article.id, entry);
    return entry;
  };
  const compared = new Set<string>();
  let scanned = 0;
  let flagged = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows: page } = await pool.query<ArticleText>(
      `select id, html_content from generated_articles
       where site_id = $1 and ($2::uuid is null or campaign_id = $2) and status <> 'archived' and id > $3
       order by id limit $4`,
      [siteId, campaignId, after, PAGE],
    );
    if (page.length === 0) break;
    after = (page.at(-1) as ArticleText).id;
    const bands = page.map((article) => ({
      id: article.id,
      bandHashes: bandHashesOf(fingerprint(article).signature),
    }));
    await insertFingerprints(pool, siteId, bands);
    // The page's rows were just written (or confirmed current) above: look candidates up from them.
    const { rows: pairs } = await pool.query<{ source: string; candidate: string }>(
      `select distinct t.article_id as source, f.article_id as candidate
       from article_fingerprints t
       join article_fingerprints f
         on f.site_id = $1 and f.minhash_version = $3 and f.band_hashes && t.band_hashes
            and f.article_id <> t.article_id
       where t.article_id = any($2::uuid[])`,
      [siteId, bands.map((b) => b.id), MINHASH_VERSION],
    );
    const unknown = [...new Set(pairs.map((p) => p.candidate))].filter((id) => !known.has(id));
    for (const article of await loadArticles(pool, unknown)) fingerprint(article);
    for (const { source, candidate } of pairs) {
      const key = source < candidate ? `${source}|${candidate}` : `${candidate}|${source}`;
      const a = known.get(source);
      const b = known.get(candidate);
      if (compared.has(key) || !a || !b) continue;
      compared.add(key);
      const similarity = estimateJaccard(a.signature, b.signature);
      if (similarity < threshold) continue;
      const excerpt = longestSharedRun(a.text, b.text).text.slice(0, 1000);
      const { rowCount } = await pool.query(
        `insert into quality_flags (site_id, article_id, other_article_id, type, score, excerpt, details)
         values ($1, $2, $3, 'near_duplicate', $4, $5, jsonb_build_object('threshold', $6::numeric, 'scan_job', $7::text))
         on conflict do nothing`,
        [siteId, source, candidate, similarity, excerpt, threshold, job.id],
      );
      flagged += rowCount ?? 0;
    }
    scanned += page.length;
    await pool.query(
      `update generation_jobs set processed = $2::int, progress = least(100, round(100.0 * $2::int / greatest(total, 1), 2))
       where id = $1`,
      [job.id, scanned],
    );
  }
  await finishJob(pool, job.id, 'duplicates.scanned', { scanned, flagged, threshold });
  return { scanned, flagged };
}
