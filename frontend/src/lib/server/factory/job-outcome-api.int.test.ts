import { createPool, withTransaction } from '@spark/db';
import { recordBatchProgress } from '@spark/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, callApi } from '../../../testing/http.js';
import { createCampaign, tenantLibrary } from './testing/factory-api.js';

/**
 * The jobs API tells a run with failures from a clean one: `status`, `failed` and the first reasons in `error`,
 * on the job and in the list (both answers are checked against their response schemas by callApi).
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
let siteId = '';
let campaignId = '';

beforeAll(async () => {
  const library = await tenantLibrary(pool, 'alpha.localhost');
  siteId = library.siteId;
  campaignId = (await createCampaign(library)).id;
});
afterAll(async () => {
  await pool.query('delete from generation_jobs where campaign_id = $1', [campaignId]);
  await pool.query('delete from campaign_masters where id = $1', [campaignId]);
  await pool.end();
});

/** A generation job of `total` headlines that ends with `processed` written and the rest failed. */
async function finishedJob(total: number, processed: number): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into generation_jobs (site_id, campaign_id, type, status, params, total)
     values ($1, $2, 'generate_articles', 'running', jsonb_build_object('count', $3::int), $3) returning id`,
    [siteId, campaignId, total],
  );
  const jobId = rows[0]?.id ?? '';
  const failed = total - processed;
  await withTransaction(pool, (client) =>
    recordBatchProgress(client, jobId, {
      processed,
      failed,
      failureNote:
        failed > 0 ? `${failed} headline(s) failed quality gates: Unresolved tokens: {County}` : null,
    }),
  );
  return jobId;
}

interface JobAnswer {
  id: string;
  status: string;
  processed: number;
  failed: number;
  error: string | null;
}

describe('job outcome in the jobs API', () => {
  it('answers failed, with the count and the reason, when every headline failed', async () => {
    const jobId = await finishedJob(4, 0);
    const answer = await callApi<JobAnswer>(`/api/seo/jobs/${jobId}`, { token: adminToken() });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'failed', processed: 0, failed: 4 });
    expect(answer.body.error).toContain('Unresolved tokens: {County}');
  });

  it('answers completed with failed > 0 and the reason when some failed, and a clean run without either', async () => {
    const partial = await finishedJob(5, 3);
    const clean = await finishedJob(5, 5);
    const list = await callApi<{ data: JobAnswer[] }>(
      `/api/seo/jobs?site_id=${siteId}&campaign_id=${campaignId}&limit=100`,
      { token: adminToken() },
    );
    expect(list.status).toBe(200);
    const byId = new Map(list.body.data.map((job) => [job.id, job]));
    expect(byId.get(partial)).toMatchObject({ status: 'completed', processed: 3, failed: 2 });
    expect(byId.get(partial)?.error).toContain('2 headline(s) failed');
    expect(byId.get(clean)).toMatchObject({ status: 'completed', processed: 5, failed: 0, error: null });
  });
});
