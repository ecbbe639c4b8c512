import { createPool } from '@spark/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminToken, callApi, editorToken } from '../../../testing/http.js';
import { createCampaign, sleep, tenantLibrary, waitForJob } from './testing/factory-api.js';

/**
 * The publish gate on the real stack: articles with open quality flags are neither published nor scheduled
 * unless the request overrides the gate, and the scheduled publisher holds back what was flagged after it
 * was scheduled.
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
let siteId = '';
let campaignId = '';
let jobId = '';
let ids: string[] = [];

interface PublishAnswer {
  published: number;
  scheduled: number;
  skipped: number;
  held_back: { id: string; title: string; flags: { type: string; other_article_id: string | null }[] }[];
}

beforeAll(async () => {
  const library = await tenantLibrary(pool, 'alpha.localhost');
  siteId = library.siteId;
  campaignId = (await createCampaign(library)).id;
  const job = await callApi<{ job_id: string }>('/api/seo/generate-article', {
    method: 'POST',
    token: adminToken(),
    json: { campaign_id: campaignId, count: 8 },
  });
  jobId = job.body.job_id;
  await waitForJob(jobId);
  const { rows } = await pool.query<{ id: string }>(
    'select id from generated_articles where campaign_id = $1 order by slug',
    [campaignId],
  );
  ids = rows.map((row) => row.id);
  expect(ids).toHaveLength(8);
}, 60_000);
afterAll(async () => {
  await pool.query('delete from generated_articles where campaign_id = $1', [campaignId]);
  await pool.query('delete from campaign_masters where id = $1', [campaignId]);
  await pool.end();
});
// Every test starts from approved articles without flags or overrides; each test raises the flags it needs.
beforeEach(async () => {
  await pool.query('delete from quality_flags where article_id = any($1::uuid[])', [ids]);
  await pool.query(
    `update generated_articles set status = 'approved', publish_at = null, published_at = null,
            quality_override_at = null, quality_override_by = null
     where id = any($1::uuid[])`,
    [ids],
  );
});

const id = (i: number) => ids[i] as string;
const publish = (json: Record<string, unknown>, token = editorToken('alpha.localhost')) =>
  callApi<PublishAnswer>('/api/seo/publish-article', { method: 'POST', token, json });
const statusOf = async (articleId: string) =>
  (
    await pool.query<{
      status: string;
      quality_override_at: Date | null;
      quality_override_by: string | null;
    }>('select status, quality_override_at, quality_override_by from generated_articles where id = $1', [
      articleId,
    ])
  ).rows[0];
async function flag(articleId: string, type: 'short' | 'unresolved_token') {
  await pool.query(`insert into quality_flags (site_id, article_id, type, score) values ($1, $2, $3, 120)`, [
    siteId,
    articleId,
    type,
  ]);
}
async function flagPair(articleId: string, otherId: string) {
  await pool.query(
    `insert into quality_flags (site_id, article_id, other_article_id, type, score, excerpt)
     values ($1, $2, $3, 'near_duplicate', 0.92, 'shared text')`,
    [siteId, articleId, otherId],
  );
}

describe('publishing now', () => {
  it('holds back flagged articles, publishes the rest, and lists what it held back and why', async () => {
    await flag(id(0), 'short');
    await flag(id(0), 'unresolved_token');
    await flagPair(id(2), id(1));
    const answer = await publish({ article_ids: [id(0), id(1), id(2), id(3)] });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ published: 1, scheduled: 0, skipped: 0 });
    const held = new Map(answer.body.held_back.map((article) => [article.id, article]));
    expect([...held.keys()].sort()).toEqual([id(0), id(1), id(2)].sort());
    expect(held.get(id(0))?.flags).toEqual([
      { type: 'short', other_article_id: null },
      { type: 'unresolved_token', other_article_id: null },
    ]);
    // Both members of a near-duplicate pair are held, each naming the other.
    expect(held.get(id(1))?.flags).toEqual([{ type: 'near_duplicate', other_article_id: id(2) }]);
    expect(held.get(id(2))?.flags).toEqual([{ type: 'near_duplicate', other_article_id: id(1) }]);
    expect(held.get(id(0))?.title).toMatch(/\S/);
    for (const heldId of [id(0), id(1), id(2)]) expect((await statusOf(heldId))?.status).toBe('approved');
    expect((await statusOf(id(3)))?.status).toBe('published');
  });

  it('publishes a flag that is resolved or ignored', async () => {
    await flag(id(0), 'short');
    await pool.query(`update quality_flags set status = 'ignored' where article_id = $1`, [id(0)]);
    expect((await publish({ article_ids: [id(0)] })).body).toMatchObject({ published: 1, held_back: [] });
  });

  it('publishes only the articles named in override_article_ids, and remembers who overrode', async () => {
    await flag(id(0), 'short');
    await flag(id(1), 'short');
    const answer = await publish({ article_ids: [id(0), id(1)], override_article_ids: [id(0)] });
    expect(answer.body).toMatchObject({ published: 1, held_back: [{ id: id(1) }] });
    const overridden = await statusOf(id(0));
    expect(overridden?.status).toBe('published');
    expect(overridden?.quality_override_at).not.toBeNull();
    expect(overridden?.quality_override_by).toMatch(/^[0-9a-f-]{36}$/);
    expect((await statusOf(id(1)))?.quality_override_at).toBeNull();
  });

  it('publishes the whole batch, flagged or not, with override_quality', async () => {
    for (const i of [0, 1, 2, 3, 4, 5, 6, 7]) if (i % 2 === 0) await flag(id(i), 'short');
    const answer = await publish({ job_id: jobId, override_quality: true }, adminToken());
    expect(answer.body).toMatchObject({ published: 8, held_back: [] });
  });

  it('refuses an override for an article outside the selection and changes nothing', async () => {
    await flag(id(0), 'short');
    const answer = await publish({ article_ids: [id(0)], override_article_ids: [id(1)] });
    expect(answer.status).toBe(422);
    expect((await statusOf(id(0)))?.status).toBe('approved');
    expect((await statusOf(id(1)))?.quality_override_at).toBeNull();
  });
});

describe('scheduling', () => {
  const soon = () => new Date(Date.now() + 1500).toISOString();
  const runQueue = () =>
    callApi<{ published: number }>('/api/seo/process-queue', {
      method: 'POST',
      token: adminToken(),
      json: { site_id: siteId },
    });

  it('does not schedule a flagged article without an override', async () => {
    await flag(id(0), 'short');
    const answer = await publish({ article_ids: [id(0), id(1)], publish_at: soon() });
    expect(answer.body).toMatchObject({ scheduled: 1, held_back: [{ id: id(0) }] });
    expect((await statusOf(id(0)))?.status).toBe('approved');
  });

  it('does not publish an article flagged after it was scheduled, until the flag is resolved', async () => {
    expect((await publish({ article_ids: [id(0), id(1)], publish_at: soon() })).body).toMatchObject({
      scheduled: 2,
      held_back: [],
    });
    await flag(id(0), 'short');
    await sleep(1700);
    expect((await runQueue()).status).toBe(200);
    expect((await statusOf(id(0)))?.status).toBe('scheduled');
    expect((await statusOf(id(1)))?.status).toBe('published');
    await pool.query(`update quality_flags set status = 'resolved' where article_id = $1`, [id(0)]);
    await runQueue();
    expect((await statusOf(id(0)))?.status).toBe('published');
  });

  it('publishes an article scheduled with an override, but not for a flag raised after the override', async () => {
    await flag(id(0), 'short');
    await flag(id(1), 'short');
    const answer = await publish({ article_ids: [id(0), id(1)], publish_at: soon(), override_quality: true });
    expect(answer.body).toMatchObject({ scheduled: 2, held_back: [] });
    await flagPair(id(1), id(5));
    await sleep(1700);
    await runQueue();
    expect((await statusOf(id(0)))?.status).toBe('published');
    expect((await statusOf(id(1)))?.status).toBe('scheduled');
  });

  it('forgets the override when the article goes back to review', async () => {
    await flag(id(0), 'short');
    await publish({ article_ids: [id(0)], publish_at: soon(), override_quality: true });
    const back = await callApi('/api/seo/return-to-review', {
      method: 'POST',
      token: adminToken(),
      json: { article_ids: [id(0)] },
    });
    expect(back.status).toBe(200);
    expect(await statusOf(id(0))).toMatchObject({ status: 'qc', quality_override_at: null });
  });
});
