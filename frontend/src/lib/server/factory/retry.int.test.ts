import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, editorToken, isErrorEnvelope } from '../../../testing/http.js';
import {
  createCampaign,
  sleep,
  startGeneration,
  TEN_THOUSAND_HEADLINES,
  type TenantLibrary,
  tenantLibrary,
  waitForJob,
} from './testing/factory-api.js';

const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
let alpha: TenantLibrary;
let campaignId = '';
const alphaToken = () => editorToken('alpha.localhost');

const TOTAL = 600;

beforeAll(async () => {
  alpha = await tenantLibrary(pool, 'alpha.localhost');
  campaignId = (await createCampaign(alpha, { headline_spintax_root: TEN_THOUSAND_HEADLINES })).id;
});
afterAll(async () => {
  await pool.query('delete from generated_articles where campaign_id = $1', [campaignId]);
  await pool.query('delete from campaign_masters where id = $1', [campaignId]);
  await pool.end();
});

const one = async <T>(sql: string, params: unknown[]) => (await pool.query(sql, params)).rows[0] as T;
const retry = (jobId: string, token = alphaToken()) =>
  callApi<{ data: { id: string; status: string; headlines_reserved: number } }>(
    `/api/seo/jobs/${jobId}/retry`,
    { method: 'POST', token },
  );

const startJob = (count: number) => startGeneration(campaignId, count, alphaToken());

/** Stops a job partway and leaves it as the worker leaves a job whose chunk failed for good. */
async function failPartway(count: number): Promise<{ jobId: string; processed: number }> {
  const jobId = await startJob(count);
  const cancelled = await callApi(`/api/seo/jobs/${jobId}/cancel`, { method: 'POST', token: alphaToken() });
  expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
  // A batch running when the cancel landed still commits; wait until nothing moves.
  let processed = -1;
  for (let i = 0; i < 20; i += 1) {
    await sleep(500);
    const now = await one<{ processed: number }>('select processed from generation_jobs where id = $1', [
      jobId,
    ]);
    if (now.processed === processed) break;
    processed = now.processed;
  }
  await pool.query(`update generation_jobs set status = 'failed', error = 'Redis went away' where id = $1`, [
    jobId,
  ]);
  return { jobId, processed };
}

describe('retrying a generation job', () => {
  it('queues a failed job again, which then makes exactly the articles it had left', async () => {
    const { jobId, processed } = await failPartway(TOTAL);
    expect(processed).toBeLessThan(TOTAL);
    const answer = await retry(jobId);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.data.id).toBe(jobId);
    expect(['queued', 'running', 'completed']).toContain(answer.body.data.status);
    expect(answer.body.data.headlines_reserved).toBe(TOTAL - processed);
    const job = await waitForJob(jobId);
    expect(job.status).toBe('completed');
    expect(job.processed + job.failed).toBe(TOTAL);
    const articles = await one<{ n: number }>(
      'select count(*)::int as n from generated_articles where job_id = $1',
      [jobId],
    );
    expect(articles.n).toBe(job.processed);
    const row = await one<{ error: string | null; finished_at: Date | null }>(
      'select error, finished_at from generation_jobs where id = $1',
      [jobId],
    );
    expect(row.error).toBeNull();
    expect(row.finished_at).not.toBeNull();
    const logged = await one<{ details: { previous_status: string; previous_error: string } }>(
      `select details from work_log where action = 'generation.retry' and entity_id = $1`,
      [jobId],
    );
    expect(logged.details).toMatchObject({ previous_status: 'failed', previous_error: 'Redis went away' });
    const again = await retry(jobId);
    expect(again.status).toBe(409);
    expect(isErrorEnvelope(again.body)).toBe(true);
  }, 90_000);

  // A cookie session without the CSRF token is refused (403) in cancel.int.test.ts, with that file's session.
  it('refuses another site’s job with the same 404 as a missing one', async () => {
    const { jobId } = await failPartway(TOTAL);
    const foreign = await retry(jobId, editorToken('beta.localhost'));
    expect(foreign.status).toBe(404);
    expect(isErrorEnvelope(foreign.body)).toBe(true);
    const untouched = await one<{ status: string }>('select status from generation_jobs where id = $1', [
      jobId,
    ]);
    expect(untouched.status).toBe('failed');
    const missing = await retry('00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
  }, 90_000);
});
