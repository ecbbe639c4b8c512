import { STUDIO_FLOW_IDS } from '@spark/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCampaign, one, removeCampaign, tenantLibrary, waitForJob } from '../testing/factory.js';
import { getOnHost } from '../testing/host.js';
import { asUser, editorOf, eventually, openDatabase, testStack } from '../testing/stack.js';

/** The manual flows setup provisions in the Data Studio, run as a marketer would: by the alpha editor, over REST. */

const stack = testStack();
const db = openDatabase(stack);
const alphaEditor = editorOf(stack, 'alpha.localhost').token;
let campaignId = '';
let jobId = '';

beforeAll(async () => {
  campaignId = await insertCampaign(db, await tenantLibrary(db, 'alpha.localhost'));
});
afterAll(async () => {
  await removeCampaign(db, campaignId);
  await db.end();
});

const articleStatus = (id: string) =>
  one<{ status: string; published_at: Date | null }>(
    db,
    'select status, published_at from generated_articles where id = $1',
    [id],
  );

describe('the provisioned Data Studio flows', () => {
  it('"Generate 50 articles" run on a campaign writes 50 articles', async () => {
    const run = await asUser(
      stack,
      alphaEditor,
      'POST',
      `/flows/trigger/${STUDIO_FLOW_IDS.generate50Articles}`,
      {
        collection: 'campaign_masters',
        keys: [campaignId],
      },
    );
    expect(run.status, run.text).toBe(200);
    const jobs = await eventually(
      () =>
        db.query<{ id: string; total: number }>(
          `select id, total from generation_jobs where campaign_id = $1 and type <> 'insert_links'`,
          [campaignId],
        ),
      (result) => result.rows.length > 0,
      30_000,
    );
    expect(jobs.rows).toHaveLength(1);
    expect(jobs.rows[0]?.total).toBe(50);
    jobId = jobs.rows[0]?.id ?? '';
    expect(await waitForJob(db, jobId, 600_000)).toMatchObject({ status: 'completed', processed: 50 });
    const written = await one<{ count: number }>(
      db,
      'select count(*)::int as count from generated_articles where campaign_id = $1',
      [campaignId],
    );
    expect(written.count).toBe(50);
  }, 660_000);

  it('"Approve selected" then "Publish selected" put an article live with published_at set', async () => {
    expect(jobId).not.toBe('');
    const article = await one<{ id: string; slug: string }>(
      db,
      `select id, slug from generated_articles where job_id = $1 and status <> 'published' and not exists (
         select 1 from quality_flags f where f.status = 'open'
         and (f.article_id = generated_articles.id or f.other_article_id = generated_articles.id))
       order by slug limit 1`,
      [jobId],
    );
    const selected = { collection: 'generated_articles', keys: [article.id] };
    const approve = await asUser(
      stack,
      alphaEditor,
      'POST',
      `/flows/trigger/${STUDIO_FLOW_IDS.approveSelected}`,
      selected,
    );
    expect(approve.status, approve.text).toBe(200);
    expect((await articleStatus(article.id)).status).toBe('approved');

    const before = Date.now();
    const publish = await asUser(
      stack,
      alphaEditor,
      'POST',
      `/flows/trigger/${STUDIO_FLOW_IDS.publishSelected}`,
      selected,
    );
    expect(publish.status, publish.text).toBe(200);
    const published = await articleStatus(article.id);
    expect(published.status).toBe('published');
    // Published now, never backdated to when the article was written.
    expect(published.published_at?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(published.published_at?.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await getOnHost('alpha.localhost', `/${article.slug}`)).status).toBe(200);
  }, 60_000);
});
