import { randomUUID } from 'node:crypto';
import { MAX_ARTICLES_PER_JOB } from '@spark/contracts';
import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, callApi, editorToken, isErrorEnvelope } from '../../../testing/http.js';
import {
  createCampaign,
  type TenantLibrary,
  tenantLibrary,
  watchGenerationQueue,
} from './testing/factory-api.js';

/**
 * Bad input to the factory: every request below must answer a 4xx in the error envelope, write nothing
 * (jobs, inventory, articles, work_log) and enqueue nothing (read from the queue's own event stream).
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
let alpha: TenantLibrary;
let alphaCampaign = '';
let betaCampaign = '';
let betaArticle = '';
let betaCombinations = 0;

beforeAll(async () => {
  alpha = await tenantLibrary(pool, 'alpha.localhost');
  alphaCampaign = (await createCampaign(alpha)).id;
  betaCampaign = (
    await createCampaign(await tenantLibrary(pool, 'beta.localhost'), {
      headline_spintax_root: '{Niche} in {City}',
    })
  ).id;
  const { rows } = await pool.query<{ id: string }>(
    `insert into generated_articles (site_id, campaign_id, title, slug, generation_key, status)
     select site_id, id, 'Beta article', 'beta-article-' || substr(md5(random()::text), 1, 8), 'fixture:' || gen_random_uuid(), 'qc'
     from campaign_masters where id = $1 returning id`,
    [betaCampaign],
  );
  betaArticle = rows[0]?.id ?? '';
  const preview = await callApi<{ total: number }>('/api/seo/generate-headlines', {
    method: 'POST',
    token: adminToken(),
    json: { campaign_id: betaCampaign, preview: true, limit: 1 },
  });
  betaCombinations = preview.body.total;
  expect(betaCombinations).toBeLessThan(MAX_ARTICLES_PER_JOB);
});
afterAll(async () => {
  await pool.query('delete from generated_articles where id = $1', [betaArticle]);
  await pool.query('delete from campaign_masters where id = any($1::uuid[])', [
    [alphaCampaign, betaCampaign],
  ]);
  await pool.end();
});

/** Everything a factory request could have written, for the campaigns under test. */
async function footprint() {
  const { rows } = await pool.query<Record<string, number>>(
    `select (select count(*)::int from generation_jobs where campaign_id = any($1::uuid[])) as jobs,
            (select count(*)::int from headline_inventory where campaign_id = any($1::uuid[])) as inventory,
            (select count(*)::int from generated_articles where campaign_id = any($1::uuid[])) as articles,
            (select count(*)::int from generated_articles where id = $2 and status = 'qc') as beta_in_review,
            (select count(*)::int from work_log where "timestamp" > now() - interval '1 hour'
               and (entity_id = any($3::text[]) or details->>'campaign_id' = any($3::text[]))) as log`,
    [[alphaCampaign, betaCampaign], betaArticle, [alphaCampaign, betaCampaign]],
  );
  return rows[0];
}

interface Case {
  name: string;
  path: string;
  json: () => unknown;
  token?: () => string;
  status: number;
}

const cases: Case[] = [
  {
    name: 'unknown campaign',
    path: '/api/seo/generate-article',
    json: () => ({ campaign_id: randomUUID(), count: 5 }),
    status: 404,
  },
  {
    name: "another site's campaign with alpha's editor token",
    path: '/api/seo/generate-article',
    json: () => ({ campaign_id: betaCampaign, count: 5 }),
    token: () => editorToken('alpha.localhost'),
    status: 404,
  },
  {
    name: 'a batch larger than one job may be',
    path: '/api/seo/generate-article',
    json: () => ({ campaign_id: alphaCampaign, count: MAX_ARTICLES_PER_JOB + 1 }),
    status: 422,
  },
  {
    name: 'more articles than the campaign has combinations (fewer than the job limit)',
    path: '/api/seo/generate-article',
    json: () => ({ campaign_id: betaCampaign, count: betaCombinations + 1 }),
    status: 422,
  },
  {
    name: 'count of zero',
    path: '/api/seo/generate-article',
    json: () => ({ campaign_id: alphaCampaign, count: 0 }),
    status: 422,
  },
  {
    name: 'count as text',
    path: '/api/seo/generate-article',
    json: () => ({ campaign_id: alphaCampaign, count: '5' }),
    status: 422,
  },
  {
    name: 'campaign id not a uuid',
    path: '/api/seo/generate-article',
    json: () => ({ campaign_id: 'x', count: 5 }),
    status: 422,
  },
  {
    name: "headlines of another site's campaign",
    path: '/api/seo/generate-headlines',
    json: () => ({ campaign_id: betaCampaign, limit: 5 }),
    token: () => editorToken('alpha.localhost'),
    status: 404,
  },
  {
    name: 'a preview of more than 100 samples',
    path: '/api/seo/generate-headlines',
    json: () => ({ campaign_id: alphaCampaign, preview: true, limit: 101 }),
    status: 422,
  },
  {
    name: "approving another site's article",
    path: '/api/seo/approve-batch',
    json: () => ({ article_ids: [betaArticle] }),
    token: () => editorToken('alpha.localhost'),
    status: 404,
  },
  {
    name: 'approving with both ids and job',
    path: '/api/seo/approve-batch',
    json: () => ({ article_ids: [betaArticle], job_id: randomUUID() }),
    status: 422,
  },
  {
    name: "publishing another site's article",
    path: '/api/seo/publish-article',
    json: () => ({ article_ids: [betaArticle] }),
    token: () => editorToken('alpha.localhost'),
    status: 404,
  },
  {
    name: "scanning another site's campaign",
    path: '/api/seo/scan-duplicates',
    json: () => ({ campaign_id: betaCampaign }),
    token: () => editorToken('alpha.localhost'),
    status: 404,
  },
  {
    name: "linking another site's campaign",
    path: '/api/seo/insert-links',
    json: () => ({ campaign_id: betaCampaign }),
    token: () => editorToken('alpha.localhost'),
    status: 404,
  },
  {
    name: 'an unknown field',
    path: '/api/seo/generate-article',
    json: () => ({ campaign_id: alphaCampaign, count: 5, site_id: alpha.siteId }),
    status: 422,
  },
];

describe('factory rejections', () => {
  it.each(cases)(
    '$name → $status, nothing written, nothing enqueued',
    async ({ path, json, token, status }) => {
      const before = await footprint();
      const queue = await watchGenerationQueue();
      const answer = await callApi(path, { method: 'POST', token: (token ?? adminToken)(), json: json() });
      expect(answer.status).toBe(status);
      expect(isErrorEnvelope(answer.body)).toBe(true);
      expect(await footprint()).toEqual(before);
      const added = await queue.addedCampaigns();
      await queue.close();
      expect(added.filter((id) => id === alphaCampaign || id === betaCampaign)).toEqual([]);
    },
  );

  it('rejects a campaign with bad spintax without writing it', async () => {
    const answer = await callApi('/api/campaigns', {
      method: 'POST',
      token: adminToken(),
      json: {
        site_id: alpha.siteId,
        name: 'Broken spintax',
        headline_spintax_root: 'Roofing {in|near {City}',
      },
    });
    expect(answer.status).toBe(422);
    const { rows } = await pool.query("select 1 from campaign_masters where name = 'Broken spintax'");
    expect(rows).toHaveLength(0);
  });

  it('does not let a site editor run process-queue for another site', async () => {
    const { rows } = await pool.query<{ id: string }>("select id from sites where domain = 'beta.localhost'");
    const answer = await callApi('/api/seo/process-queue', {
      method: 'POST',
      token: editorToken('alpha.localhost'),
      json: { site_id: rows[0]?.id },
    });
    expect(answer.status).toBe(404);
  });
});
