import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, callApi, editorToken } from '../../../testing/http.js';
import { createCampaign, getOnHost, sleep, tenantLibrary, waitForJob } from './testing/factory-api.js';

/** Review and publishing on the real stack, down to the tenant site that renders the article. */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
let campaignId = '';
let articles: { id: string; slug: string; title: string }[] = [];

beforeAll(async () => {
  campaignId = (await createCampaign(await tenantLibrary(pool, 'alpha.localhost'))).id;
  const job = await callApi<{ job_id: string }>('/api/seo/generate-article', {
    method: 'POST',
    token: adminToken(),
    json: { campaign_id: campaignId, count: 6 },
  });
  await waitForJob(job.body.job_id);
  const { rows } = await pool.query(
    'select id, slug, title from generated_articles where campaign_id = $1 order by slug',
    [campaignId],
  );
  articles = rows;
}, 60_000);
afterAll(async () => {
  await pool.query('delete from generated_articles where campaign_id = $1', [campaignId]);
  await pool.query('delete from campaign_masters where id = $1', [campaignId]);
  await pool.end();
});

const post = <T>(path: string, json: unknown, token = adminToken()) =>
  callApi<T>(path, { method: 'POST', token, json });
const article = (i: number) => articles[i] as { id: string; slug: string; title: string };
const stored = async (id: string) =>
  (
    await pool.query<{
      status: string;
      published_at: Date | null;
      publish_at: Date | null;
      schema_json: { '@graph': { datePublished?: string }[] };
    }>('select status, published_at, publish_at, schema_json from generated_articles where id = $1', [id])
  ).rows[0];

describe('approve and publish', () => {
  it('approve → publish makes the article live on its tenant host and sitemap, not on the other tenant', async () => {
    const { id, slug, title } = article(0);
    // Requested while in review: a 404, which the site caches — publishing must invalidate that.
    expect((await getOnHost('alpha.localhost', `/${slug}`)).status).toBe(404);
    expect(
      (await post('/api/seo/approve-batch', { article_ids: [id] }, editorToken('alpha.localhost'))).body,
    ).toEqual({
      approved: 1,
      skipped: 0,
    });
    const before = Date.now();
    const published = await post(
      '/api/seo/publish-article',
      { article_ids: [id] },
      editorToken('alpha.localhost'),
    );
    expect(published.body).toMatchObject({ published: 1, scheduled: 0, skipped: 0 });
    const row = await stored(id);
    expect(row?.status).toBe('published');
    expect(row?.published_at?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row?.published_at?.getTime()).toBeLessThanOrEqual(Date.now());
    expect(row?.schema_json['@graph'][0]?.datePublished).toBe(row?.published_at?.toISOString());

    const onAlpha = await getOnHost('alpha.localhost', `/${slug}`);
    expect(onAlpha.status).toBe(200);
    expect(onAlpha.body).toContain(title.replace(/&/g, '&amp;'));
    expect((await getOnHost('beta.localhost', `/${slug}`)).status).toBe(404);
    expect((await getOnHost('alpha.localhost', '/sitemap-articles-1.xml')).body).toContain(`/${slug}<`);
    expect((await getOnHost('beta.localhost', '/sitemap-articles-1.xml')).body).not.toContain(`/${slug}<`);
  });

  it('publishes a scheduled article only when it is due, stamped with when it went live', async () => {
    const { id } = article(1);
    await post('/api/seo/approve-batch', { article_ids: [id] });
    const publishAt = new Date(Date.now() + 2500);
    const scheduled = await post('/api/seo/publish-article', {
      article_ids: [id],
      publish_at: publishAt.toISOString(),
    });
    expect(scheduled.body).toMatchObject({ published: 0, scheduled: 1 });
    expect((await post('/api/seo/process-queue', {})).status).toBe(200);
    expect((await stored(id))?.status).toBe('scheduled');
    await sleep(publishAt.getTime() - Date.now() + 200);
    const run = await post<{ published: number }>('/api/seo/process-queue', {});
    expect(run.body.published).toBeGreaterThanOrEqual(1);
    const row = await stored(id);
    expect(row?.status).toBe('published');
    expect(row?.published_at?.getTime()).toBeGreaterThanOrEqual(publishAt.getTime());
    expect(row?.schema_json['@graph'][0]?.datePublished).toBe(row?.published_at?.toISOString());
  });

  it('refuses publish_at in the past (no backdating) and leaves the article approved', async () => {
    const { id } = article(2);
    await post('/api/seo/approve-batch', { article_ids: [id] });
    const answer = await post('/api/seo/publish-article', {
      article_ids: [id],
      publish_at: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(answer.status).toBe(422);
    expect((await stored(id))?.status).toBe('approved');
  });

  it('skips articles that are not in review when approving, and not approved when publishing', async () => {
    const { id } = article(3);
    expect((await post('/api/seo/publish-article', { article_ids: [id] })).body).toMatchObject({
      published: 0,
      skipped: 1,
    });
    expect((await stored(id))?.status).toBe('qc');
    expect((await post('/api/seo/approve-batch', { article_ids: [article(0).id] })).body).toEqual({
      approved: 0,
      skipped: 1,
    });
  });

  it('spreads a batch over days with the campaign velocity, never before now', async () => {
    const ids = [article(4).id, article(5).id];
    await post('/api/seo/approve-batch', { article_ids: ids });
    const answer = await post<{ published: number; scheduled: number; first_publish_at: string | null }>(
      '/api/seo/publish-article',
      { article_ids: ids, velocity: true, publish_at: new Date(Date.now() + 86_400_000).toISOString() },
    );
    expect(answer.body.published + answer.body.scheduled).toBe(2);
    expect(answer.body.scheduled).toBe(2);
    expect(new Date(answer.body.first_publish_at ?? 0).getTime()).toBeGreaterThan(Date.now());
  });
});
