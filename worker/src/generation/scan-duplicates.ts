import { scanDuplicatesParams } from '@spark/contracts';
import { estimateJaccard, htmlToText, longestSharedRun } from '@spark/core';
import { type Pool, withTransaction } from '@spark/db';
import { finishJob, startAnalysisJob } from '@spark/jobs';
import { bandHashesOf, decodeSignature, MINHASH_VERSION, signatureOf } from './fingerprint.js';
import { insertFingerprints } from './write-batch.js';

/** Articles read (HTML) per round trip. */
const PAGE = 500;
/** Stored signatures read per round trip (512 bytes each). */
const SIGNATURE_PAGE = 5_000;
/** Memory for grouping the site's band hashes (a few hundred bytes per article). */
const BUCKET_WORK_MEM = '128MB';
const BUCKET_STATEMENT_TIMEOUT = '10min';
/** Flagged pairs written per statement. */
const FLAG_BATCH = 200;

interface ArticleText {
  id: string;
  html_content: string;
}

interface Flag {
  source: string;
  candidate: string;
  similarity: number;
}

async function loadArticles(pool: Pool, ids: readonly string[]): Promise<ArticleText[]> {
  const { rows } = await pool.query<ArticleText>(
    'select id, html_content from generated_articles where id = any($1::uuid[])',
    [ids],
  );
  return rows;
}

const sourceFilter = `a.site_id = $1 and ($2::uuid is null or a.campaign_id = $2) and a.status <> 'archived'`;

/**
 * The scanned articles without a fingerprint of the current scheme, or with one written before signatures were
 * stored, get one from their text (imported or older articles).
 */
async function fingerprintMissing(pool: Pool, siteId: string, campaignId: string | null): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await pool.query<ArticleText>(
      `select a.id, a.html_content from generated_articles a
       left join article_fingerprints f on f.article_id = a.id and f.minhash_version = $3
       where ${sourceFilter} and (f.article_id is null or f.signature is null) and a.id > $4
       order by a.id limit $5`,
      [siteId, campaignId, MINHASH_VERSION, after, PAGE],
    );
    const last = rows.at(-1);
    if (!last) return;
    after = last.id;
    await insertFingerprints(
      pool,
      siteId,
      rows.map((article) => {
        const signature = signatureOf(htmlToText(article.html_content));
        return { id: article.id, signature, bandHashes: bandHashesOf(signature) };
      }),
    );
  }
}

/**
 * The stored signatures of these articles; an article whose row has none (outside the scanned set, written
 * before signatures were stored) is hashed from its text.
 */
async function loadSignatures(pool: Pool, ids: readonly string[]): Promise<Map<string, Uint32Array>> {
  const signatures = new Map<string, Uint32Array>();
  for (let offset = 0; offset < ids.length; offset += SIGNATURE_PAGE) {
    const page = ids.slice(offset, offset + SIGNATURE_PAGE);
    const { rows } = await pool.query<{ article_id: string; signature: Buffer }>(
      `select article_id, signature from article_fingerprints
       where article_id = any($1::uuid[]) and minhash_version = $2 and signature is not null`,
      [page, MINHASH_VERSION],
    );
    for (const row of rows) signatures.set(row.article_id, decodeSignature(row.signature));
  }
  const unsigned = ids.filter((id) => !signatures.has(id));
  for (let offset = 0; offset < unsigned.length; offset += PAGE) {
    for (const article of await loadArticles(pool, unsigned.slice(offset, offset + PAGE)))
      signatures.set(article.id, signatureOf(htmlToText(article.html_content)));
  }
  return signatures;
}

/**
 * The site's LSH buckets that hold more than one article (one sort of the unnested bands, so the cost grows
 * with the site, not with the site squared), and which articles the scan covers.
 */
async function loadBuckets(pool: Pool, siteId: string, campaignId: string | null) {
  const [buckets, { rows: scannedRows }] = await Promise.all([
    withTransaction(pool, async (client) => {
      // One sort of every band of the site (32 per article), counted per band: only the bands held by more
      // than one article are aggregated. (A hash group-by built an array for each of the ~3 million bands,
      // nearly all of one article, and spilled to disk.) In memory, not temp files; one statement over the
      // whole site, so it gets more than the pool's per-statement limit.
      await client.query(`set local work_mem = '${BUCKET_WORK_MEM}'`);
      await client.query(`set local statement_timeout = '${BUCKET_STATEMENT_TIMEOUT}'`);
      const { rows } = await client.query<{ ids: string[] }>(
        `select array_agg(article_id) as ids
         from (
           select article_id, band, count(*) over (partition by band) as holders
           from article_fingerprints, unnest(band_hashes) as band
           where site_id = $1 and minhash_version = $2
         ) bands
         where holders > 1
         group by band`,
        [siteId, MINHASH_VERSION],
      );
      return rows;
    }),
    pool.query<{ id: string }>(`select a.id from generated_articles a where ${sourceFilter}`, [
      siteId,
      campaignId,
    ]),
  ]);
  return { buckets: buckets.map((row) => row.ids), scanned: new Set(scannedRows.map((row) => row.id)) };
}

/**
 * Every pair sharing a bucket of which at least one article is scanned, once, with its estimated Jaccard
 * similarity; its source is the scanned article (the smaller id when both are). Articles are numbered so a
 * pair is one number in the seen-set (a similar corpus yields millions of candidate pairs).
 */
function similarPairs(
  buckets: readonly string[][],
  scanned: ReadonlySet<string>,
  signatures: ReadonlyMap<string, Uint32Array>,
  threshold: number,
): Flag[] {
  const ids = [...signatures.keys()].sort();
  const numberOf = new Map(ids.map((id, n) => [id, n]));
  const seen = new Set<number>();
  const flags: Flag[] = [];
  for (const bucket of buckets) {
    const members = bucket.flatMap((id) => {
      const n = numberOf.get(id);
      return n === undefined ? [] : [n];
    });
    members.sort((a, b) => a - b);
    for (let i = 0; i < members.length; i += 1) {
      const low = members[i] as number;
      for (let j = i + 1; j < members.length; j += 1) {
        const high = members[j] as number;
        if (high === low) continue;
        const key = low * ids.length + high;
        if (seen.has(key)) continue;
        seen.add(key);
        const [lowId, highId] = [ids[low] as string, ids[high] as string];
        const source = scanned.has(lowId) ? lowId : scanned.has(highId) ? highId : null;
        if (source === null) continue;
        const similarity = estimateJaccard(
          signatures.get(lowId) as Uint32Array,
          signatures.get(highId) as Uint32Array,
        );
        if (similarity >= threshold)
          flags.push({ source, candidate: source === lowId ? highId : lowId, similarity });
      }
    }
  }
  return flags;
}

/**
 * Candidate pairs by LSH band overlap in article_fingerprints (the whole site corpus), confirmed by the
 * Jaccard similarity estimated from their stored MinHash signatures (≥ threshold), flagged in quality_flags
 * with the longest shared passage (only flagged pairs' articles are read). Scanned articles without a
 * fingerprint get one first, so the index becomes complete. Like the band hashes, a signature describes the
 * text it was computed from (generation, or the scan that filled it in).
 */
export async function scanDuplicates(pool: Pool, generationJobId: string, siteId: string) {
  const started = await startAnalysisJob(pool, { generationJobId, siteId }, scanDuplicatesParams, 'scan');
  if (!started) return { scanned: 0, flagged: 0 };
  const { job, params } = started;
  const { threshold } = params;
  const campaignId = params.campaign_id ?? null;
  await fingerprintMissing(pool, siteId, campaignId);
  const { buckets, scanned } = await loadBuckets(pool, siteId, campaignId);
  const signatures = await loadSignatures(pool, [...new Set(buckets.flat())]);
  const flags = similarPairs(buckets, scanned, signatures, threshold);

  let flagged = 0;
  for (let offset = 0; offset < flags.length; offset += FLAG_BATCH) {
    const batch = flags.slice(offset, offset + FLAG_BATCH);
    const texts = new Map(
      (await loadArticles(pool, [...new Set(batch.flatMap((flag) => [flag.source, flag.candidate]))])).map(
        (article) => [article.id, htmlToText(article.html_content)],
      ),
    );
    const excerpts = batch.map((flag) =>
      longestSharedRun(texts.get(flag.source) ?? '', texts.get(flag.candidate) ?? '').text.slice(0, 1000),
    );
    const { rowCount } = await pool.query(
      `insert into quality_flags (site_id, article_id, other_article_id, type, score, excerpt, details)
       select $1, t.source, t.candidate, 'near_duplicate', t.score, t.excerpt,
              jsonb_build_object('threshold', $6::numeric, 'scan_job', $7::text)
       from unnest($2::uuid[], $3::uuid[], $4::numeric[], $5::text[]) as t(source, candidate, score, excerpt)
       on conflict do nothing`,
      [
        siteId,
        batch.map((flag) => flag.source),
        batch.map((flag) => flag.candidate),
        batch.map((flag) => flag.similarity),
        excerpts,
        threshold,
        job.id,
      ],
    );
    flagged += rowCount ?? 0;
  }
  await pool.query(
    `update generation_jobs set processed = $2::int, progress = least(100, round(100.0 * $2::int / greatest(total, 1), 2))
     where id = $1`,
    [job.id, scanned.size],
  );
  await finishJob(pool, job.id, 'duplicates.scanned', { scanned: scanned.size, flagged, threshold });
  return { scanned: scanned.size, flagged };
}
