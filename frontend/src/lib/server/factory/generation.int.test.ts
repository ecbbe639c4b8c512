import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, callApi, frontendUrl } from '../../../testing/http.js';
import {
  citiesInDemoRegion,
  createCampaign,
  tenantLibrary,
  waitForJob,
  watchGenerationQueue,
} from './testing/factory-api.js';

/** The content factory end to end: API → BullMQ → the stack's worker → PostgreSQL. */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
let campaignId = '';
let jobId = '';
const COUNT = 600;

beforeAll(async () => {
  campaignId = (await createCampaign(await tenantLibrary(pool, 'alpha.localhost'))).id;
});
afterAll(async () => {
  await pool.query('delete from generated_articles where campaign_id = $1', [campaignId]);
  await pool.query('delete from campaign_masters where id = $1', [campaignId]);
  await pool.end();
});

const post = <T>(path: string, json: unknown) =>
  callApi<T>(path, { method: 'POST', token: adminToken(), json });
const one = async <T>(sql: string, params: unknown[]) => (await pool.query(sql, params)).rows[0] as T;

describe('headline planning', () => {
  it('previews the exact count of 3 patterns × the region’s cities × 2 avatars with seeded samples, writing nothing', async () => {
    const preview = (seed: string) =>
      post<{ total: number; samples: { headline: string }[] }>('/api/seo/generate-headlines', {
        campaign_id: campaignId,
        preview: true,
        limit: 5,
        seed,
      });
    const first = await preview('seed-a');
    expect(first.status).toBe(200);
    expect(first.body.total).toBe((3 + 3 + 2) * (await citiesInDemoRegion(pool)) * 2);
    expect(first.body.samples).toHaveLength(5);
    expect((await preview('seed-a')).body.samples).toEqual(first.body.samples);
    expect((await preview('seed-b')).body.samples).not.toEqual(first.body.samples);
    for (const sample of first.body.samples) expect(sample.headline).not.toMatch(/[{}]/);
    const held = await one<{ n: number }>(
      'select count(*)::int as n from headline_inventory where campaign_id = $1',
      [campaignId],
    );
    expect(held.n).toBe(0);
  });

  it('answers a count beyond 2^53 as an exact decimal string', async () => {
    const library = await tenantLibrary(pool, 'alpha.localhost');
    const huge = await createCampaign(library, {
      headline_spintax_root: Array.from({ length: 30 }, () => '{Roof|Roofs|Roofing|Roofer}').join(' '),
      location_mode: 'none',
      location: {},
      avatar_ids: [],
      // The demo template names the place, which a campaign without locations cannot fill.
      template_id: null,
    });
    const answer = await post<{ total: string }>('/api/seo/generate-headlines', {
      campaign_id: huge.id,
      preview: true,
    });
    expect(answer.body.total).toBe((4n ** 30n).toString());
    await pool.query('delete from campaign_masters where id = $1', [huge.id]);
  });

  it('fills the inventory up to limit and skips the headlines it already holds', async () => {
    const fill = () =>
      post<{ inserted: number; inventory: { available: number } }>('/api/seo/generate-headlines', {
        campaign_id: campaignId,
        limit: 30,
      });
    expect((await fill()).body).toMatchObject({ inserted: 30, inventory: { available: 30 } });
    expect((await fill()).body).toMatchObject({ inserted: 30, inventory: { available: 60 } });
    const keys = await one<{ n: number }>(
      'select count(distinct variant_key)::int as n from headline_inventory where campaign_id = $1',
      [campaignId],
    );
    expect(keys.n).toBe(60);
  });
});

describe('article generation', () => {
  it('generates exactly the requested number of articles with unique slugs and no unresolved tokens', async () => {
    const queue = await watchGenerationQueue();
    const answer = await post<{ job_id: string; chunks: number }>('/api/seo/generate-article', {
      campaign_id: campaignId,
      count: COUNT,
    });
    expect(answer.status).toBe(202);
    jobId = answer.body.job_id;
    expect(await waitForJob(jobId)).toMatchObject({ status: 'completed', processed: COUNT, failed: 0 });
    const stats = await one<Record<string, number>>(
      `select count(*)::int as articles, count(distinct slug)::int as slugs, count(distinct headline_id)::int as headlines,
              count(*) filter (where title ~ '[{}]' or html_content ~ '\\{[A-Za-z_][A-Za-z0-9_]*\\}|\\{[^{}]*\\|[^{}]*\\}')::int
                as unresolved,
              count(*) filter (where status = 'qc' and published_at is null and schema_json #> '{@graph,0,datePublished}' is null)::int
                as in_review,
              (select count(*)::int from article_fingerprints f join generated_articles g on g.id = f.article_id
               where g.job_id = $1 and cardinality(f.band_hashes) = 32) as fingerprints
       from generated_articles where job_id = $1`,
      [jobId],
    );
    expect(stats).toEqual({
      articles: COUNT,
      slugs: COUNT,
      headlines: COUNT,
      unresolved: 0,
      in_review: COUNT,
      fingerprints: COUNT,
    });
    expect((await queue.addedCampaigns()).filter((id) => id === campaignId)).toHaveLength(answer.body.chunks);
    await queue.close();
    const logged = await pool.query('select action from work_log where entity_id = $1 order by "timestamp"', [
      jobId,
    ]);
    expect(logged.rows.map((row) => row.action)).toEqual(['generation.create', 'generation.completed']);
  }, 30_000);

  it('streams the progress of a job as server-sent events until it ends', async () => {
    const answer = await post<{ job_id: string }>('/api/seo/generate-article', {
      campaign_id: campaignId,
      count: 20,
    });
    const response = await fetch(new URL(`/api/seo/jobs/${answer.body.job_id}/stream`, frontendUrl()), {
      headers: { authorization: `Bearer ${adminToken()}` },
      signal: AbortSignal.timeout(30_000),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = await response.text(); // the server closes the stream after the `end` event
    const progress = [...text.matchAll(/event: progress\ndata: (.*)\n/g)].map((m) =>
      JSON.parse(m[1] ?? '{}'),
    );
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ status: 'completed', processed: 20 });
    expect(text).toContain('event: end\ndata: {"status":"completed"}');
  });
});
