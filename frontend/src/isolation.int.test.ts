import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, editorToken, isErrorEnvelope } from './testing/http.js';

/**
 * The two-tenant isolation suite: alpha's site-scoped token against every admin route, aimed at beta's ids.
 * Each attempt must answer 403/404 in the envelope, change nothing, and lists must never contain beta's rows.
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
afterAll(() => pool.end());

const alpha = () => editorToken('alpha.localhost');
const ids = {
  alphaSite: '',
  betaSite: '',
  betaCampaign: '',
  alphaCampaign: '',
  betaArticle: '',
  betaJob: '',
};

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const row = (await pool.query(sql, params)).rows[0] as T | undefined;
  if (!row) throw new Error(`no row for: ${sql}`);
  return row;
}

/** Everything an attempt on beta could have changed, as one comparable string. */
async function betaFingerprint(): Promise<string> {
  const { rows } = await pool.query(
    `select
       (select md5(string_agg(c::text, '' order by c.id)) from campaign_masters c where site_id = $1) as campaigns,
       (select md5(string_agg(a.status || coalesce(a.published_at::text, ''), '' order by a.id)) from generated_articles a where site_id = $1) as articles,
       (select count(*) from generation_jobs where site_id = $1) as jobs,
       (select count(*) from headline_inventory where site_id = $1) as headlines,
       (select count(*) from quality_flags where site_id = $1) as flags,
       (select count(*) from article_links where site_id = $1) as links`,
    [ids.betaSite],
  );
  return JSON.stringify(rows[0]);
}

beforeAll(async () => {
  ids.alphaSite = (await one<{ id: string }>("select id from sites where domain = 'alpha.localhost'")).id;
  ids.betaSite = (await one<{ id: string }>("select id from sites where domain = 'beta.localhost'")).id;
  ids.betaCampaign = (
    await one<{ id: string }>('select id from campaign_masters where site_id = $1 limit 1', [ids.betaSite])
  ).id;
  ids.alphaCampaign = (
    await one<{ id: string }>('select id from campaign_masters where site_id = $1 limit 1', [ids.alphaSite])
  ).id;
  const job = await one<{ id: string }>(
    `insert into generation_jobs (site_id, campaign_id, type, status, params, total)
     values ($1, $2, 'generate_articles', 'completed', '{}', 1) returning id`,
    [ids.betaSite, ids.betaCampaign],
  );
  ids.betaJob = job.id;
  const article = await one<{ id: string }>(
    `insert into generated_articles (site_id, campaign_id, title, slug, html_content, status, generation_key)
     values ($1, $2, 'Beta isolation article', $3, '<p>beta</p>', 'qc', $3) returning id`,
    [ids.betaSite, ids.betaCampaign, `beta-isolation-${Date.now()}`],
  );
  ids.betaArticle = article.id;
});

interface Attempt {
  name: string;
  method: string;
  path: () => string;
  json?: () => unknown;
}

const attempts: Attempt[] = [
  { name: 'read beta’s campaign', method: 'GET', path: () => `/api/campaigns/${ids.betaCampaign}` },
  {
    name: 'change beta’s campaign',
    method: 'PATCH',
    path: () => `/api/campaigns/${ids.betaCampaign}`,
    json: () => ({ name: 'taken' }),
  },
  { name: 'delete beta’s campaign', method: 'DELETE', path: () => `/api/campaigns/${ids.betaCampaign}` },
  {
    name: 'list beta’s campaigns by site',
    method: 'GET',
    path: () => `/api/campaigns?site_id=${ids.betaSite}`,
  },
  {
    name: 'create a campaign on beta',
    method: 'POST',
    path: () => '/api/campaigns',
    json: () => ({ site_id: ids.betaSite, name: 'Intrusion', headline_spintax_root: '{Best|Top} roofers' }),
  },
  {
    name: 'preview beta’s headlines',
    method: 'POST',
    path: () => '/api/seo/generate-headlines',
    json: () => ({ campaign_id: ids.betaCampaign, preview: true }),
  },
  {
    name: 'fill beta’s headline inventory',
    method: 'POST',
    path: () => '/api/seo/generate-headlines',
    json: () => ({ campaign_id: ids.betaCampaign, limit: 5 }),
  },
  {
    name: 'generate beta articles',
    method: 'POST',
    path: () => '/api/seo/generate-article',
    json: () => ({ campaign_id: ids.betaCampaign, count: 1 }),
  },
  { name: 'read beta’s job', method: 'GET', path: () => `/api/seo/jobs/${ids.betaJob}` },
  { name: 'stream beta’s job', method: 'GET', path: () => `/api/seo/jobs/${ids.betaJob}/stream` },
  {
    name: 'approve beta’s article',
    method: 'POST',
    path: () => '/api/seo/approve-batch',
    json: () => ({ article_ids: [ids.betaArticle] }),
  },
  {
    name: 'approve beta’s job',
    method: 'POST',
    path: () => '/api/seo/approve-batch',
    json: () => ({ job_id: ids.betaJob }),
  },
  {
    name: 'publish beta’s article',
    method: 'POST',
    path: () => '/api/seo/publish-article',
    json: () => ({ article_ids: [ids.betaArticle] }),
  },
  {
    name: 'process beta’s queue',
    method: 'POST',
    path: () => '/api/seo/process-queue',
    json: () => ({ site_id: ids.betaSite }),
  },
  {
    name: 'scan beta for duplicates',
    method: 'POST',
    path: () => '/api/seo/scan-duplicates',
    json: () => ({ site_id: ids.betaSite }),
  },
  {
    name: 'link beta’s campaign',
    method: 'POST',
    path: () => '/api/seo/insert-links',
    json: () => ({ campaign_id: ids.betaCampaign }),
  },
  {
    name: 'read beta’s analytics',
    method: 'GET',
    path: () => `/api/analytics/summary?site_id=${ids.betaSite}&from=2026-01-01&to=2026-01-31`,
  },
  { name: 'export beta’s leads', method: 'GET', path: () => `/api/admin/leads.csv?site_id=${ids.betaSite}` },
  { name: 'read beta’s work log', method: 'GET', path: () => `/api/admin/worklog?site_id=${ids.betaSite}` },
];

describe('alpha’s site-scoped token against beta’s data', () => {
  for (const attempt of attempts) {
    it(`is refused and changes nothing: ${attempt.name}`, async () => {
      const before = await betaFingerprint();
      const answer = await callApi(attempt.path(), {
        method: attempt.method,
        token: alpha(),
        json: attempt.json?.(),
      });
      expect([403, 404], JSON.stringify(answer.body).slice(0, 300)).toContain(answer.status);
      expect(isErrorEnvelope(answer.body)).toBe(true);
      expect(await betaFingerprint()).toBe(before);
    });
  }
});

describe('alpha’s lists', () => {
  it('never contain beta’s campaigns', async () => {
    const answer = await callApi<{ data: { id: string; site_id: string }[] }>('/api/campaigns', {
      token: alpha(),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data.length).toBeGreaterThan(0);
    expect(answer.body.data.every((c) => c.site_id === ids.alphaSite)).toBe(true);
    expect(answer.body.data.some((c) => c.id === ids.betaCampaign)).toBe(false);
  });

  it('still let alpha read and change its own campaign', async () => {
    const read = await callApi<{ data: { id: string; name: string } }>(
      `/api/campaigns/${ids.alphaCampaign}`,
      { token: alpha() },
    );
    expect(read.status).toBe(200);
    expect(read.body.data.id).toBe(ids.alphaCampaign);
    const renamed = await callApi(`/api/campaigns/${ids.alphaCampaign}`, {
      method: 'PATCH',
      token: alpha(),
      json: { name: `${read.body.data.name} (renamed)` },
    });
    expect(renamed.status).toBe(200);
    await callApi(`/api/campaigns/${ids.alphaCampaign}`, {
      method: 'PATCH',
      token: alpha(),
      json: { name: read.body.data.name },
    });
  });
});
