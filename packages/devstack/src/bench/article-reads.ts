import { NEARBY_AREA_KM, NEARBY_AREA_LIMIT } from '@spark/core';
import { findPublishedArticlePage, type Pool } from '@spark/db';

/**
 * The read behind a cold article page, three ways, over the same distinct slugs at the same concurrency:
 * Directus REST as the SSR reader (the old path: permission work per request), one SQL statement per article
 * (the statement article pages use: the article with its nearby links), and SQL batched 50 slugs a statement (what render-ahead or a batching loader
 * would cost). Each article is read once per way.
 */
const CONCURRENCY = 10;
const BATCH = 50;

export interface ArticleReadRates {
  directus: number;
  /** Directus answers that were not 200 (its pressure limiter's 503s on a loaded machine). */
  directusFailures: number;
  sql: number;
  sqlBatched: number;
}

async function timedInParallel(tasks: (() => Promise<unknown>)[]): Promise<number> {
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    for (let task = tasks[next++]; task; task = tasks[next++]) await task();
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return tasks.length / ((performance.now() - started) / 1000);
}

export async function measureArticleReads(
  pool: Pool,
  directus: { url: string; token: string },
  siteId: string,
  slugs: readonly [string[], string[], string[]],
): Promise<ArticleReadRates> {
  const [forDirectus, forSql, forBatches] = slugs;
  let directusFailures = 0;
  const fields =
    'id,slug,title,html_content,excerpt,meta_title,meta_description,word_count,published_at,date_updated';
  const directusRate = await timedInParallel(
    forDirectus.map((slug) => async () => {
      const filter = JSON.stringify({
        site_id: { _eq: siteId },
        slug: { _eq: slug },
        status: { _eq: 'published' },
      });
      const url = `${directus.url}/items/generated_articles?fields=${fields}&limit=1&filter=${encodeURIComponent(filter)}`;
      const response = await fetch(url, { headers: { authorization: `Bearer ${directus.token}` } });
      // Directus sheds load with 503 when its event loop lags (a busy machine): counted, not fatal.
      if (!response.ok) directusFailures += 1;
      await response.arrayBuffer();
    }),
  );
  const sqlRate = await timedInParallel(
    forSql.map((slug) => async () => {
      const nearby = { km: NEARBY_AREA_KM, limit: NEARBY_AREA_LIMIT };
      if (!(await findPublishedArticlePage(pool, siteId, slug, nearby)))
        throw new Error(`no article ${slug}`);
    }),
  );
  const batches: (() => Promise<unknown>)[] = [];
  for (let i = 0; i < forBatches.length; i += BATCH) {
    const batch = forBatches.slice(i, i + BATCH);
    batches.push(() =>
      pool.query(
        `select id, slug, title, html_content, excerpt, meta_title, meta_description, word_count, published_at
         from generated_articles
         where site_id = $1 and status = 'published' and published_at <= now() and slug = any($2::text[])`,
        [siteId, batch],
      ),
    );
  }
  const batchRate = (await timedInParallel(batches)) * BATCH;
  return { directus: directusRate, directusFailures, sql: sqlRate, sqlBatched: batchRate };
}
