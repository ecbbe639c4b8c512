import { siteArticlesVersionKey } from '@spark/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertCampaign,
  one,
  removeCampaign,
  SMALL_SPACE,
  sleep,
  type TenantLibrary,
  tenantLibrary,
  waitForJob,
  watchGenerationQueue,
} from '../testing/factory.js';
import { getOnHost } from '../testing/host.js';
import { asUser, editorOf, eventually, openDatabase, openRedis, testStack } from '../testing/stack.js';

const stack = testStack();
const db = openDatabase(stack);
const redis = openRedis(stack);
const alphaEditor = editorOf(stack, 'alpha.localhost').token;
const betaEditor = editorOf(stack, 'beta.localhost').token;
let alpha: TenantLibrary;
const campaigns: string[] = [];

interface DirectusErrors {
  errors: { message: string; extensions: Record<string, unknown> }[];
}

const firstError = (body: unknown) => (body as DirectusErrors).errors[0];

async function campaign(options: Parameters<typeof insertCampaign>[2] = {}) {
  const id = await insertCampaign(db, alpha, options);
  campaigns.push(id);
  return id;
}

beforeAll(async () => {
  alpha = await tenantLibrary(db, 'alpha.localhost');
});
afterAll(async () => {
  for (const id of campaigns) await removeCampaign(db, id);
  redis.disconnect();
  await db.end();
});

describe('campaigns saved in the Data Studio', () => {
  it('refuse broken spintax with Directus’s INVALID_PAYLOAD naming the field, line and column', async () => {
    const name = `Broken spintax ${Date.now()}`;
    const created = await asUser(stack, alphaEditor, 'POST', '/items/campaign_masters', {
      site_id: alpha.siteId,
      name,
      headline_spintax_root: '{Best|Top} {Niche} in {City}\n{Cheap|Fast {Niche}',
      niche_variables: { Niche: 'Roofing' },
    });
    expect(created.status, created.text).toBe(400);
    const error = firstError(created.body);
    expect(error?.extensions).toMatchObject({
      code: 'INVALID_PAYLOAD',
      field: 'headline_spintax_root',
      line: 2,
    });
    expect(typeof error?.extensions.column).toBe('number');
    expect(error?.message).toMatch(/line 2, column \d+/);
    const stored = await one<{ n: number }>(
      db,
      'select count(*)::int as n from campaign_masters where name = $1',
      [name],
    );
    expect(stored.n).toBe(0);
  });

  it('refuse an edit that uses an unknown variable, and keep the saved definition', async () => {
    const id = await campaign();
    const edited = await asUser(stack, alphaEditor, 'PATCH', `/items/campaign_masters/${id}`, {
      headline_spintax_root: '{Best|Top} {Niche} in {City}\n{Niche} for {Bogus}',
    });
    expect(edited.status, edited.text).toBe(400);
    expect(firstError(edited.body)?.extensions).toMatchObject({ field: 'headline_spintax_root', line: 2 });
    expect(firstError(edited.body)?.message).toMatch(/Bogus/);
    const kept = await one<{ root: string }>(
      db,
      'select headline_spintax_root as root from campaign_masters where id = $1',
      [id],
    );
    expect(kept.root).not.toMatch(/Bogus/);
  });

  it('accept a valid campaign created by the editor', async () => {
    const created = await asUser<{ id: string }>(stack, alphaEditor, 'POST', '/items/campaign_masters', {
      site_id: alpha.siteId,
      name: `Valid spintax ${Date.now()}`,
      headline_spintax_root: '{Best|Top} {Niche} in {City}',
      niche_variables: { Niche: 'Roofing' },
    });
    expect(created.status, created.text).toBe(200);
    campaigns.push(created.body.data.id);
  });

  it('drop the stale available headlines when the definition changes, and keep reserved ones', async () => {
    const id = await campaign();
    const started = await asUser<never>(stack, alphaEditor, 'POST', `/spark/campaigns/${id}/generate`, {
      count: 2,
    });
    expect(started.status, started.text).toBe(202);
    await waitForJob(db, (started.body as unknown as { job_id: string }).job_id);
    // Headlines the previous space made and no job took.
    await db.query(
      `insert into headline_inventory (site_id, campaign_id, text, spintax_index, variant_key, status)
       select $1, $2, 'Stale headline ' || n, n, 'stale-' || n, 'available' from generate_series(1, 5) n`,
      [alpha.siteId, id],
    );
    const edited = await asUser(stack, alphaEditor, 'PATCH', `/items/campaign_masters/${id}`, {
      headline_spintax_root: '{Trusted|Local} {Niche} in {City}',
    });
    expect(edited.status, edited.text).toBe(200);
    const available = await eventually(
      async () =>
        (
          await one<{ n: number }>(
            db,
            `select count(*)::int as n from headline_inventory where campaign_id = $1 and status = 'available'`,
            [id],
          )
        ).n,
      (n) => n === 0,
    );
    expect(available).toBe(0);
    const used = await one<{ n: number }>(
      db,
      `select count(*)::int as n from headline_inventory where campaign_id = $1 and status = 'used'`,
      [id],
    );
    expect(used.n).toBe(2);
  }, 240_000);
});

describe('activating a campaign with auto_generate, then publishing in the Studio', () => {
  let campaignId = '';
  let jobId = '';

  it('starts a job of auto_generate articles when the editor sets the campaign active', async () => {
    campaignId = await campaign({ autoGenerate: 50 });
    const activated = await asUser(stack, alphaEditor, 'PATCH', `/items/campaign_masters/${campaignId}`, {
      status: 'active',
    });
    expect(activated.status, activated.text).toBe(200);
    const job = await eventually(
      () =>
        db.query<{ id: string; total: number }>(
          'select id, total from generation_jobs where campaign_id = $1',
          [campaignId],
        ),
      (result) => result.rows.length > 0,
      30_000,
    );
    expect(job.rows).toHaveLength(1);
    expect(job.rows[0]?.total).toBe(50);
    jobId = job.rows[0]?.id ?? '';
    expect(await waitForJob(db, jobId)).toMatchObject({ status: 'completed', processed: 50 });
    const articles = await one<{ n: number }>(
      db,
      'select count(*)::int as n from generated_articles where campaign_id = $1',
      [campaignId],
    );
    expect(articles.n).toBe(50);
    // Saving the active campaign again starts nothing more.
    await asUser(stack, alphaEditor, 'PATCH', `/items/campaign_masters/${campaignId}`, { status: 'active' });
    await sleep(1000);
    expect(
      (await db.query('select 1 from generation_jobs where campaign_id = $1', [campaignId])).rowCount,
    ).toBe(1);
  }, 240_000);

  it('publishes an approved article set to published: published_at now, JSON-LD, the articles’ cache version bumped, live at once', async () => {
    const article = await one<{ id: string; slug: string }>(
      db,
      `select id, slug from generated_articles where job_id = $1 and not exists (
         select 1 from quality_flags f where f.status = 'open'
         and (f.article_id = generated_articles.id or f.other_article_id = generated_articles.id))
       order by slug limit 1`,
      [jobId],
    );
    const qc = await asUser(stack, alphaEditor, 'PATCH', `/items/generated_articles/${article.id}`, {
      status: 'published',
    });
    expect(qc.status, qc.text).toBe(400);
    expect(firstError(qc.body)?.message).toMatch(/approve/i);
    await db.query(`update generated_articles set status = 'approved' where id = $1`, [article.id]);
    const versionBefore = Number((await redis.get(siteArticlesVersionKey(alpha.siteId))) ?? 0);
    const before = new Date();
    const published = await asUser(stack, alphaEditor, 'PATCH', `/items/generated_articles/${article.id}`, {
      status: 'published',
    });
    expect(published.status, published.text).toBe(200);
    const row = await one<{ status: string; published_at: Date; date_published: string | null }>(
      db,
      `select status, published_at, schema_json->'@graph'->0->>'datePublished' as date_published
       from generated_articles where id = $1`,
      [article.id],
    );
    expect(row.status).toBe('published');
    expect(row.published_at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(row.published_at.getTime()).toBeLessThanOrEqual(Date.now());
    expect(row.date_published).toBe(row.published_at.toISOString());
    expect(Number(await redis.get(siteArticlesVersionKey(alpha.siteId)))).toBeGreaterThan(versionBefore);
    expect((await getOnHost('alpha.localhost', `/${article.slug}`)).status).toBe(200);
    expect((await getOnHost('beta.localhost', `/${article.slug}`)).status).toBe(404);
  }, 60_000);

  it('lets no other site’s editor publish it', async () => {
    const other = await one<{ id: string }>(
      db,
      `select id from generated_articles where job_id = $1 and status <> 'published' limit 1`,
      [jobId],
    );
    await db.query(`update generated_articles set status = 'approved' where id = $1`, [other.id]);
    const foreign = await asUser(stack, betaEditor, 'PATCH', `/items/generated_articles/${other.id}`, {
      status: 'published',
    });
    expect([403, 404]).toContain(foreign.status);
    const row = await one<{ status: string }>(db, 'select status from generated_articles where id = $1', [
      other.id,
    ]);
    expect(row.status).toBe('approved');
  });
});

describe('generation jobs created in the Data Studio', () => {
  it('are checked, then reserved and enqueued like the API’s, or refused with nothing stored', async () => {
    const id = await campaign();
    const tiny = await campaign(SMALL_SPACE);
    const added = await watchGenerationQueue(redis);
    const refused = await asUser(stack, stack.DIRECTUS_ADMIN_TOKEN, 'POST', '/items/generation_jobs', {
      campaign_id: tiny,
      total: 10_000,
    });
    expect(refused.status, refused.text).toBe(400);
    expect(firstError(refused.body)?.message).toMatch(/headline combinations are left/);
    expect((await db.query('select 1 from generation_jobs where campaign_id = $1', [tiny])).rowCount).toBe(0);
    const created = await asUser<{ id: string }>(
      stack,
      stack.DIRECTUS_ADMIN_TOKEN,
      'POST',
      '/items/generation_jobs',
      {
        campaign_id: id,
        total: 4,
      },
    );
    expect(created.status, created.text).toBe(200);
    const job = await waitForJob(db, created.body.data.id);
    expect(job).toMatchObject({ status: 'completed', processed: 4, total: 4 });
    expect(await added()).toContain(id);
    const foreign = await asUser(stack, betaEditor, 'POST', '/items/generation_jobs', {
      campaign_id: id,
      total: 1,
    });
    expect([403, 404]).toContain(foreign.status);
    expect((await db.query('select 1 from generation_jobs where campaign_id = $1', [id])).rowCount).toBe(1);
  }, 240_000);
});
