import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../testing/admin-session.js';
import { adminToken, callApi, editorToken, isErrorEnvelope } from '../../../testing/http.js';
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

const startJob = (count: number) => startGeneration(campaignId, count);

describe('cancelling a generation job', () => {
  it('stops the worker between batches, returns unclaimed headlines and logs it', async () => {
    const jobId = await startJob(10_000);
    for (let i = 0; i < 300; i += 1) {
      const job = await one<{ processed: number }>('select processed from generation_jobs where id = $1', [
        jobId,
      ]);
      if (job.processed > 0) break;
      await sleep(100);
    }
    const cancelled = await callApi<{ data: { status: string; headlines_returned: number } }>(
      `/api/seo/jobs/${jobId}/cancel`,
      { method: 'POST', token: editorToken('alpha.localhost') },
    );
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.data.status).toBe('cancelled');
    expect(cancelled.body.data.headlines_returned).toBeGreaterThan(0);
    // A batch that was running when the cancel landed may still commit; after that nothing moves.
    await sleep(1500);
    const settled = await one<{ processed: number }>('select processed from generation_jobs where id = $1', [
      jobId,
    ]);
    await sleep(1500);
    const final = await one<{ status: string; processed: number; finished_at: Date | null }>(
      'select status, processed, finished_at from generation_jobs where id = $1',
      [jobId],
    );
    expect(final.status).toBe('cancelled');
    expect(final.finished_at).not.toBeNull();
    expect(final.processed).toBe(settled.processed);
    expect(final.processed).toBeLessThan(10_000);
    const articles = await one<{ n: number }>(
      'select count(*)::int as n from generated_articles where job_id = $1',
      [jobId],
    );
    expect(articles.n).toBe(final.processed);
    const stillClaimed = await one<{ n: number }>(
      `select count(*)::int as n from headline_inventory where claimed_by_job = $1 and status = 'claimed'`,
      [jobId],
    );
    expect(stillClaimed.n).toBe(0);
    const logged = await one<{ n: number }>(
      `select count(*)::int as n from work_log where action = 'generation.cancel' and entity_id = $1`,
      [jobId],
    );
    expect(logged.n).toBe(1);
    const again = await callApi(`/api/seo/jobs/${jobId}/cancel`, { method: 'POST', token: adminToken() });
    expect(again.status).toBe(409);
    // The returned headlines are available to the next job.
    const available = await one<{ n: number }>(
      `select count(*)::int as n from headline_inventory where campaign_id = $1 and status = 'available'`,
      [campaignId],
    );
    expect(available.n).toBeGreaterThanOrEqual(cancelled.body.data.headlines_returned);
  }, 60_000);

  it('lets no other site cancel a job, and needs the CSRF token from a cookie session to cancel or retry', async () => {
    const jobId = await startJob(20);
    const foreign = await callApi(`/api/seo/jobs/${jobId}/cancel`, {
      method: 'POST',
      token: editorToken('beta.localhost'),
    });
    expect(foreign.status).toBe(404);
    expect(isErrorEnvelope(foreign.body)).toBe(true);
    const session = await signInAs('alpha.localhost');
    const forged = await session.call(`/api/seo/jobs/${jobId}/cancel`, { method: 'POST', csrf: null });
    expect(forged.status).toBe(403);
    const forgedRetry = await session.call(`/api/seo/jobs/${jobId}/retry`, { method: 'POST', csrf: null });
    expect(forgedRetry.status).toBe(403);
    const job = await waitForJob(jobId);
    expect(job.status).toBe('completed');
    expect(job.processed).toBe(20);
  }, 60_000);

  it('lists the site’s jobs newest first with the total, and only that site’s', async () => {
    const alphaList = await callApi<{ data: { id: string; site_id: string }[]; total: number }>(
      '/api/seo/jobs?limit=2',
      { token: editorToken('alpha.localhost') },
    );
    expect(alphaList.status).toBe(200);
    expect(alphaList.body.total).toBeGreaterThanOrEqual(2);
    expect(alphaList.body.data).toHaveLength(2);
    expect(alphaList.body.data.every((job) => job.site_id === alpha.siteId)).toBe(true);
    const betaList = await callApi<{ data: { site_id: string }[] }>('/api/seo/jobs?limit=100', {
      token: editorToken('beta.localhost'),
    });
    expect(betaList.body.data.some((job) => job.site_id === alpha.siteId)).toBe(false);
    const spoofed = await callApi(`/api/seo/jobs?site_id=${alpha.siteId}`, {
      token: editorToken('beta.localhost'),
    });
    expect(spoofed.status).toBe(404);
  });
});
