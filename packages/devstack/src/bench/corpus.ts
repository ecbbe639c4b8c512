import { createPool, type Pool } from '@spark/db';
import {
  DEMO_CORPUS_SITES,
  loadCampaignCorpus,
  measureCampaignCorpus,
  measurePublishedSite,
} from '../corpus/site-figures.js';
import { api, generate } from './generation-runs.js';
import type { BenchContext, Benchmark } from './harness.js';

/** Articles per demo tenant: what the product promises a new user's demo campaign makes. */
const ARTICLES = 1000;

/** Waits (up to `minutes`) for an analysis job to end; its figures are read from the database afterwards. */
export async function waitForJob(pool: Pool, jobId: string, minutes = 10): Promise<void> {
  const deadline = performance.now() + minutes * 60_000;
  while (performance.now() < deadline) {
    const { rows } = await pool.query<{ status: string }>(
      'select status from generation_jobs where id = $1',
      [jobId],
    );
    const status = rows[0]?.status;
    if (status === 'completed') return;
    if (status === 'failed' || status === 'cancelled') throw new Error(`job ${jobId} ended ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`job ${jobId} did not finish in ${minutes} minutes`);
}

/**
 * The demo corpus as a new user gets it, through the API on the stack: each demo tenant's campaign generates
 * 1,000 articles, they are approved and published (the quality gate may hold some back: counted), linked by
 * insert-links, and the site is crawled from `/`. Prints the figures the corpus integration test asserts.
 */
export const corpusBenchmark: Benchmark = {
  name: 'corpus',
  onlyWhenNamed: true,
  async run({ stack, report }: BenchContext) {
    const { env } = stack;
    const pool = createPool(env.DATABASE_URL ?? '', { max: 4 });
    try {
      for (const { domain, campaign } of DEMO_CORPUS_SITES) {
        const { rows } = await pool.query<{ site_id: string; id: string; contact_path: string | null }>(
          `select m.site_id, m.id, s.settings->>'contact_path' as contact_path
           from campaign_masters m join sites s on s.id = m.site_id where s.domain = $1 and m.name = $2`,
          [domain, campaign],
        );
        const demo = rows[0];
        if (!demo) throw new Error(`the demo campaign "${campaign}" of ${domain} is not seeded`);
        const run = await generate(env, pool, demo.id, ARTICLES);
        await api(env, '/api/seo/approve-batch', { job_id: run.jobId });
        const published = await api<{ published: number; held_back: unknown[] }>(
          env,
          '/api/seo/publish-article',
          { job_id: run.jobId },
        );
        const links = await api<{ job_id: string }>(env, '/api/seo/insert-links', { campaign_id: demo.id });
        await waitForJob(pool, links.job_id);
        const corpus = measureCampaignCorpus(
          await loadCampaignCorpus(pool, demo.id),
          demo.contact_path ?? '',
        );
        const site = await measurePublishedSite(pool, {
          siteId: demo.site_id,
          campaignId: demo.id,
          domain,
          frontendUrl: env.FRONTEND_URL ?? '',
        });
        const share = (n: number) => (100 * n) / Math.max(corpus.articles, 1);
        report(
          `${domain} · articles generated`,
          corpus.articles,
          '',
          `"${campaign}", ${run.seconds.toFixed(0)} s`,
        );
        report(
          '  words, median',
          corpus.words.median,
          'words',
          `min ${corpus.words.min}, max ${corpus.words.max}`,
        );
        report('  words, min', corpus.words.min, 'words');
        report('  articles with unresolved tokens', corpus.unresolved, '');
        report(
          '  near-duplicate pairs (5-word shingles, Jaccard ≥ 0.7)',
          100 * corpus.nearDuplicateRate,
          '% of pairs',
          `${corpus.nearDuplicatePairs} of ${corpus.pairs}; target < 1 %`,
        );
        report(
          '  articles linking to the contact path',
          share(corpus.withContactPath),
          '%',
          'tel: or contact page',
        );
        report(
          '  published',
          published.published,
          '',
          `${published.held_back.length} held back by the quality gate`,
        );
        report('  internal links per article, min', site.links.minLinksPerArticle, '', 'target ≥ 3');
        report('  orphans', site.links.orphans, '', 'target 0');
        report(
          '  max click depth from / to an article',
          site.maxClickDepth ?? Number.NaN,
          'clicks',
          `${site.unreachedArticles.length} not reached within 3; target ≤ 3`,
        );
        report(
          '  hub pages missing from the sitemap',
          site.hubsMissingFromSitemap.length,
          '',
          `of ${site.hubs} hub pages`,
        );
      }
    } finally {
      await pool.end();
    }
  },
};
