import {
  AnalysisJobStartedSchema,
  errorEnvelopeSchema,
  JobCancelledSchema,
  JobStartedSchema,
} from '@spark/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertCampaign,
  one,
  removeCampaign,
  SMALL_SPACE,
  sleep,
  TEN_THOUSAND_HEADLINES,
  type TenantLibrary,
  tenantLibrary,
  waitForJob,
  watchGenerationQueue,
} from '../testing/factory.js';
import { asUser, call, editorOf, openDatabase, openRedis, testStack } from '../testing/stack.js';

/** The worker's batch size and the stack's worker concurrency: the most a cancel can let through. */
const GENERATION_BATCH_SIZE = 100;
const WORKER_CONCURRENCY = 4;

const stack = testStack();
const db = openDatabase(stack);
const redis = openRedis(stack);
const alphaEditor = editorOf(stack, 'alpha.localhost').token;
const betaEditor = editorOf(stack, 'beta.localhost').token;
let alpha: TenantLibrary;
let campaignId = '';
let bigCampaignId = '';
let tinyCampaignId = '';

const jobsOf = async (campaign: string) =>
  (
    await one<{ n: number }>(db, 'select count(*)::int as n from generation_jobs where campaign_id = $1', [
      campaign,
    ])
  ).n;

beforeAll(async () => {
  alpha = await tenantLibrary(db, 'alpha.localhost');
  campaignId = await insertCampaign(db, alpha);
  bigCampaignId = await insertCampaign(db, alpha, { spintax: TEN_THOUSAND_HEADLINES });
  tinyCampaignId = await insertCampaign(db, alpha, SMALL_SPACE);
});
afterAll(async () => {
  await removeCampaign(db, campaignId);
  await removeCampaign(db, bigCampaignId);
  await removeCampaign(db, tinyCampaignId);
  redis.disconnect();
  await db.end();
});

describe('the /spark producers', () => {
  it('generate articles for the editor’s own campaign: 202 with the job, which the worker completes', async () => {
    const started = await asUser(stack, alphaEditor, 'POST', `/spark/campaigns/${campaignId}/generate`, {
      count: 3,
    });
    expect(started.status, started.text).toBe(202);
    const body = JobStartedSchema.parse(started.body);
    expect(body).toMatchObject({ total: 3, chunks: 1 });
    const job = await waitForJob(db, body.job_id);
    expect(job).toMatchObject({ status: 'completed', processed: 3 });
    const made = await one<{ n: number }>(
      db,
      'select count(*)::int as n from generated_articles where job_id = $1',
      [body.job_id],
    );
    expect(made.n).toBe(3);
  }, 240_000);

  it('refuse a bad body with the API’s 422 envelope and write nothing', async () => {
    const before = await jobsOf(campaignId);
    for (const body of [{ count: 0 }, { count: 3, campaign_id: campaignId }, { count: 'many' }, {}]) {
      const answer = await asUser(
        stack,
        alphaEditor,
        'POST',
        `/spark/campaigns/${campaignId}/generate`,
        body,
      );
      expect(answer.status, answer.text).toBe(422);
      expect(errorEnvelopeSchema.parse(answer.body).error.code).toBe('VALIDATION_FAILED');
    }
    const tooMany = await asUser(stack, alphaEditor, 'POST', `/spark/campaigns/${tinyCampaignId}/generate`, {
      count: 10_000,
    });
    expect(tooMany.status, tooMany.text).toBe(422);
    expect(tooMany.text).toMatch(/headline combinations are left/);
    expect(await jobsOf(campaignId)).toBe(before);
    expect(await jobsOf(tinyCampaignId)).toBe(0);
  });

  it('answer another site’s editor 404 for the campaign, site and job, and enqueue nothing', async () => {
    const added = await watchGenerationQueue(redis);
    const before = await jobsOf(campaignId);
    const attempts = [
      asUser(stack, betaEditor, 'POST', `/spark/campaigns/${campaignId}/generate`, { count: 1 }),
      asUser(stack, betaEditor, 'POST', `/spark/campaigns/${campaignId}/links`, {}),
      asUser(stack, betaEditor, 'POST', `/spark/sites/${alpha.siteId}/scan-duplicates`, {}),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer.status, answer.text).toBe(404);
      expect(errorEnvelopeSchema.parse(answer.body).error.code).toBe('NOT_FOUND');
    }
    const alphaJob = await one<{ id: string }>(
      db,
      'select id from generation_jobs where campaign_id = $1 limit 1',
      [campaignId],
    );
    const cancel = await asUser(stack, betaEditor, 'POST', `/spark/jobs/${alphaJob.id}/cancel`);
    expect(cancel.status, cancel.text).toBe(404);
    expect(await jobsOf(campaignId)).toBe(before);
    await sleep(500);
    expect(await added()).not.toContain(campaignId);
  });

  it('answer a caller without a user 401, and an id that is not one 404', async () => {
    const anonymous = await call(stack, 'POST', `/spark/campaigns/${campaignId}/generate`, {
      body: { count: 1 },
    });
    expect(anonymous.status, anonymous.text).toBe(401);
    expect(errorEnvelopeSchema.parse(anonymous.body).error.code).toBe('UNAUTHENTICATED');
    const notAnId = await asUser(stack, alphaEditor, 'POST', '/spark/campaigns/nope/generate', { count: 1 });
    expect(notAnId.status, notAnId.text).toBe(404);
  });

  it('start linking of a campaign and a duplicate scan of a site like the API (202 with the job)', async () => {
    const links = await asUser(stack, alphaEditor, 'POST', `/spark/campaigns/${campaignId}/links`, {
      max_links: 3,
    });
    expect(links.status, links.text).toBe(202);
    AnalysisJobStartedSchema.parse(links.body);
    const scan = await asUser(stack, alphaEditor, 'POST', `/spark/sites/${alpha.siteId}/scan-duplicates`, {
      campaign_id: campaignId,
    });
    expect(scan.status, scan.text).toBe(202);
    const job = AnalysisJobStartedSchema.parse(scan.body);
    const row = await one<{ type: string; site_id: string }>(
      db,
      'select type, site_id from generation_jobs where id = $1',
      [job.job_id],
    );
    expect(row).toEqual({ type: 'scan_duplicates', site_id: alpha.siteId });
  });

  it('cancel a 10,000-article job within one batch: cancelled, logged, no headline left reserved', async () => {
    const started = await asUser(stack, alphaEditor, 'POST', `/spark/campaigns/${bigCampaignId}/generate`, {
      count: 10_000,
    });
    expect(started.status, started.text).toBe(202);
    const jobId = JobStartedSchema.parse(started.body).job_id;
    for (let i = 0; i < 600; i += 1) {
      const job = await one<{ processed: number }>(
        db,
        'select processed from generation_jobs where id = $1',
        [jobId],
      );
      if (job.processed > 0) break;
      await sleep(100);
    }
    const cancelled = await asUser(stack, alphaEditor, 'POST', `/spark/jobs/${jobId}/cancel`);
    expect(cancelled.status, cancelled.text).toBe(200);
    const answer = JobCancelledSchema.parse(cancelled.body);
    expect(answer.data.status).toBe('cancelled');
    expect(answer.data.headlines_returned).toBeGreaterThan(0);
    // A batch that was running when the cancel landed may still commit; after that nothing moves.
    let settled = -1;
    let processed = (
      await one<{ processed: number }>(db, 'select processed from generation_jobs where id = $1', [jobId])
    ).processed;
    while (settled !== processed) {
      settled = processed;
      await sleep(2000);
      processed = (
        await one<{ processed: number }>(db, 'select processed from generation_jobs where id = $1', [jobId])
      ).processed;
    }
    const final = await one<{ status: string; processed: number; finished_at: Date | null }>(
      db,
      'select status, processed, finished_at from generation_jobs where id = $1',
      [jobId],
    );
    expect(final.status).toBe('cancelled');
    expect(final.finished_at).not.toBeNull();
    expect(final.processed).toBeLessThan(10_000);
    // Within one batch: each chunk the worker was running (WORKER_CONCURRENCY, 4 in the stack) commits at most the
    // batch it was in when the cancel landed, and claims nothing after it.
    expect(final.processed - answer.data.processed).toBeLessThanOrEqual(
      GENERATION_BATCH_SIZE * WORKER_CONCURRENCY,
    );
    const articles = await one<{ n: number }>(
      db,
      'select count(*)::int as n from generated_articles where job_id = $1',
      [jobId],
    );
    expect(articles.n).toBe(final.processed);
    const reserved = await one<{ n: number }>(
      db,
      `select count(*)::int as n from headline_inventory where claimed_by_job = $1 and status = 'claimed'`,
      [jobId],
    );
    expect(reserved.n).toBe(0);
    const logged = await one<{ n: number }>(
      db,
      `select count(*)::int as n from work_log where action = 'generation.cancel' and entity_id = $1`,
      [jobId],
    );
    expect(logged.n).toBe(1);
    const again = await asUser(stack, alphaEditor, 'POST', `/spark/jobs/${jobId}/cancel`);
    expect(again.status, again.text).toBe(409);
  }, 240_000);
});
