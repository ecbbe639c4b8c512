import type { Pool } from '@spark/db';
import { BENCH_PATTERNS, type BenchLibrary } from './generation-library.js';

/** One generation run through the HTTP API, and the plain-INSERT baseline of the same rows. */
export const ARTICLES = 10_000;
/** The worker's batch size (worker/src/generation/generate-articles.ts), so the baseline batches alike. */
export const BATCH = 100;
const COLUMNS = [
  'id',
  'site_id',
  'campaign_id',
  'job_id',
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
  'status',
  'generation_key',
];

export async function api<T>(env: Record<string, string>, path: string, body: unknown): Promise<T> {
  const response = await fetch(new URL(path, env.FRONTEND_URL), {
    method: 'POST',
    headers: { authorization: `Bearer ${env.DIRECTUS_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export async function createCampaign(
  env: Record<string, string>,
  library: BenchLibrary,
  name = 'Bench campaign',
): Promise<string> {
  const { data } = await api<{ data: { id: string } }>(env, '/api/campaigns', {
    site_id: library.siteId,
    name,
    headline_spintax_root: BENCH_PATTERNS,
    niche_variables: { Niche: 'Roofing' },
    location_mode: 'radius',
    location: { center: { lat: 33, lng: -96 }, radius_km: 1800 },
    avatar_ids: library.avatarIds,
    template_id: library.templateId,
    target_word_count: 1200,
  });
  return data.id;
}

/**
 * Waits (up to a minute) until no autovacuum worker runs, so the clean-up after an earlier run, or an
 * earlier benchmark, is not billed to this one.
 */
export async function settle(pool: Pool): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    const { rows } = await pool.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker'`,
    );
    if ((rows[0]?.n ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** API → queue → worker(s) → PostgreSQL: from the request until the job row says completed. */
export async function generate(
  env: Record<string, string>,
  pool: Pool,
  campaignId: string,
  count = ARTICLES,
) {
  const started = performance.now();
  const { job_id: jobId } = await api<{ job_id: string }>(env, '/api/seo/generate-article', {
    campaign_id: campaignId,
    count,
  });
  const apiMs = performance.now() - started;
  for (;;) {
    // A primary-key read: the poll must not take CPU from what it measures.
    const { rows } = await pool.query<{ status: string; processed: number }>(
      'select status, processed from generation_jobs where id = $1',
      [jobId],
    );
    const job = rows[0];
    if (job?.status === 'completed' || job?.status === 'failed') {
      const seconds = (performance.now() - started) / 1000;
      if (job.status === 'failed' || job.processed !== count)
        throw new Error(`job ${jobId} ended ${job.status} with ${job.processed}`);
      const { rows: words } = await pool.query<{ words: number }>(
        'select avg(word_count)::int as words from generated_articles where job_id = $1',
        [jobId],
      );
      return { jobId, seconds, apiMs, words: words[0]?.words ?? 0 };
    }
    if (performance.now() - started > 30 * 60_000)
      throw new Error(`job ${jobId} did not finish in 30 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The same rows, deleted and written again with plain multi-row INSERTs of BATCH rows: the floor of the cost. */
export async function plainInsert(pool: Pool, jobId: string): Promise<number> {
  const { rows } = await pool.query<Record<string, unknown>>(
    `select ${COLUMNS.join(', ')} from generated_articles where job_id = $1 order by id`,
    [jobId],
  );
  await pool.query('delete from generated_articles where job_id = $1', [jobId]);
  const started = performance.now();
  for (let offset = 0; offset < rows.length; offset += BATCH) {
    const slice = rows.slice(offset, offset + BATCH);
    const values = slice.map(
      (_, r) => `(${COLUMNS.map((_, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`,
    );
    await pool.query(
      `insert into generated_articles (${COLUMNS.join(', ')}) values ${values.join(', ')}`,
      slice.flatMap((row) => COLUMNS.map((column) => row[column])),
    );
  }
  return rows.length / ((performance.now() - started) / 1000);
}
