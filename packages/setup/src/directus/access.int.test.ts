import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directusAs, editorToken, testStack } from '../testing/stack.js';

const stack = testStack();
const pool = createPool(stack.DATABASE_URL, { max: 2 });
const alphaToken = editorToken(stack, 'alpha.localhost');
let alphaId = '';
let betaId = '';
let betaPageId = '';

beforeAll(async () => {
  const sites = await pool.query<{ id: string; domain: string }>('select id, domain from sites');
  alphaId = sites.rows.find((s) => s.domain === 'alpha.localhost')?.id ?? '';
  betaId = sites.rows.find((s) => s.domain === 'beta.localhost')?.id ?? '';
  const page = await pool.query<{ id: string }>(
    "select id from pages where site_id = $1 and permalink = '/'",
    [betaId],
  );
  betaPageId = page.rows[0]?.id ?? '';
  expect(alphaId && betaId && betaPageId).toBeTruthy();
});

afterAll(() => pool.end());

describe('a site-scoped Directus token', () => {
  it('lists only its own site’s pages', async () => {
    const answer = await directusAs<{ site_id: string }[]>(
      stack,
      alphaToken,
      'GET',
      '/items/pages?fields=site_id&limit=-1',
    );
    expect(answer.status).toBe(200);
    const siteIds = new Set(answer.body.data?.map((p) => p.site_id));
    expect([...siteIds]).toEqual([alphaId]);
  });

  it('sees its own drafts but none of the other site’s rows in any tenant collection', async () => {
    const tenantTables = (
      await pool.query<{ table_name: string }>(
        `select c.relname as table_name from pg_attribute a join pg_class c on c.oid = a.attrelid
         where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and a.attname = 'site_id'`,
      )
    ).rows.map((r) => r.table_name);
    expect(tenantTables.length).toBeGreaterThan(25);
    for (const table of tenantTables) {
      const answer = await directusAs<{ site_id: string | null }[]>(
        stack,
        alphaToken,
        'GET',
        `/items/${table}?fields=site_id&limit=-1`,
      );
      expect(answer.status, table).toBe(200);
      expect(
        answer.body.data?.filter((row) => row.site_id === betaId),
        table,
      ).toEqual([]);
    }
  });

  it('gets 403 for the other site’s page and for the other site itself', async () => {
    expect((await directusAs(stack, alphaToken, 'GET', `/items/pages/${betaPageId}`)).status).toBe(403);
    expect((await directusAs(stack, alphaToken, 'GET', `/items/sites/${betaId}`)).status).toBe(403);
  });

  it('cannot create, move or change rows of the other site, and nothing is written', async () => {
    const before = await pool.query('select count(*)::int as n from pages where site_id = $1', [betaId]);
    const create = await directusAs(stack, alphaToken, 'POST', '/items/pages', {
      site_id: betaId,
      permalink: '/intrusion',
      title: 'Intrusion',
      status: 'draft',
      blocks: [],
    });
    expect(create.status).toBeGreaterThanOrEqual(400);
    expect(create.status).toBeLessThan(500);
    const update = await directusAs(stack, alphaToken, 'PATCH', `/items/pages/${betaPageId}`, {
      title: 'Hacked',
    });
    expect(update.status).toBe(403);
    const after = await pool.query('select count(*)::int as n from pages where site_id = $1', [betaId]);
    expect(after.rows[0]).toEqual(before.rows[0]);
    const title = await pool.query('select title from pages where id = $1', [betaPageId]);
    expect(title.rows[0]?.title).not.toBe('Hacked');
  });

  it('creates, edits and deletes its own site’s rows (the site is preset)', async () => {
    const created = await directusAs<{ id: string; site_id: string }>(
      stack,
      alphaToken,
      'POST',
      '/items/pages',
      {
        permalink: '/int-test-page',
        title: 'Integration test page',
        status: 'draft',
        blocks: [],
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.data?.site_id).toBe(alphaId);
    const id = created.body.data?.id ?? '';
    const moved = await directusAs(stack, alphaToken, 'PATCH', `/items/pages/${id}`, { site_id: betaId });
    expect(moved.status).toBeGreaterThanOrEqual(400);
    expect((await pool.query('select site_id from pages where id = $1', [id])).rows[0]?.site_id).toBe(
      alphaId,
    );
    expect(
      (await directusAs(stack, alphaToken, 'PATCH', `/items/pages/${id}`, { title: 'Renamed' })).status,
    ).toBe(200);
    expect((await directusAs(stack, alphaToken, 'DELETE', `/items/pages/${id}`)).status).toBe(204);
    expect((await pool.query('select 1 from pages where id = $1', [id])).rowCount).toBe(0);
  });
});

describe('public and SSR-reader access', () => {
  it('anonymous visitors get no Directus content reads at all', async () => {
    for (const collection of ['sites', 'pages', 'posts', 'generated_articles', 'forms', 'globals']) {
      const answer = await directusAs(stack, null, 'GET', `/items/${collection}?limit=1`);
      expect(answer.status, collection).toBe(403);
    }
    const linked = await pool.query(
      `select count(*)::int as n from directus_access a join directus_policies p on p.id = a.policy
       where a.role is null and a."user" is null and p.name = 'Published content'`,
    );
    expect(linked.rows[0]?.n).toBe(0);
  });

  it('the SSR reader never sees form webhook secrets or site settings', async () => {
    const token = stack.DIRECTUS_READ_TOKEN;
    const forms = await directusAs<Record<string, unknown>[]>(stack, token, 'GET', '/items/forms?limit=-1');
    expect(forms.status).toBe(200);
    for (const form of forms.body.data ?? [])
      expect(Object.keys(form).some((k) => /secret|webhook/.test(k))).toBe(false);
    const settings = await directusAs(stack, token, 'GET', '/items/sites?fields=settings');
    expect(settings.status).toBe(403);
  });

  it('the SSR reader token reads published content but cannot write or read leads', async () => {
    const token = stack.DIRECTUS_READ_TOKEN;
    const posts = await directusAs<{ status: string }[]>(
      stack,
      token,
      'GET',
      '/items/posts?fields=status&limit=-1',
    );
    expect(posts.status).toBe(200);
    expect(posts.body.data?.every((p) => p.status === 'published')).toBe(true);
    expect((await directusAs(stack, token, 'GET', '/items/leads')).status).toBe(403);
    const write = await directusAs(stack, token, 'PATCH', `/items/pages/${betaPageId}`, { title: 'x' });
    expect(write.status).toBe(403);
  });

  it('the SSR reader does not see embargoed posts (published_at in the future)', async () => {
    const slug = `embargoed-${Date.now()}`;
    const inserted = await pool.query<{ id: string }>(
      `insert into posts (site_id, title, slug, status, published_at)
       values ($1, 'Embargoed', $2, 'published', now() + interval '1 day') returning id`,
      [betaId, slug],
    );
    try {
      const answer = await directusAs<{ slug: string }[]>(
        stack,
        stack.DIRECTUS_READ_TOKEN,
        'GET',
        `/items/posts?fields=slug&filter[slug][_eq]=${slug}`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual([]);
      await pool.query("update posts set published_at = now() - interval '1 minute' where id = $1", [
        inserted.rows[0]?.id,
      ]);
      const live = await directusAs<{ slug: string }[]>(
        stack,
        stack.DIRECTUS_READ_TOKEN,
        'GET',
        `/items/posts?fields=slug&filter[slug][_eq]=${slug}&alias[now]=id`,
      );
      expect(live.body.data?.map((p) => p.slug)).toEqual([slug]);
    } finally {
      await pool.query('delete from posts where id = $1', [inserted.rows[0]?.id]);
    }
  });
});

describe('system-written rows are read-only for editors', () => {
  it('an editor cannot change job progress, rollups or the work log, nor read shared work-log rows', async () => {
    const job = await pool.query<{ id: string }>(
      `insert into generation_jobs (site_id, type, status, params, total)
       values ($1, 'generate_articles', 'running', '{}', 10) returning id`,
      [alphaId],
    );
    const jobId = job.rows[0]?.id ?? '';
    const patch = await directusAs(stack, alphaToken, 'PATCH', `/items/generation_jobs/${jobId}`, {
      status: 'completed',
    });
    expect(patch.status).toBe(403);
    expect((await directusAs(stack, alphaToken, 'GET', `/items/generation_jobs/${jobId}`)).status).toBe(200);
    const rollup = await directusAs(stack, alphaToken, 'POST', '/items/analytics_daily_rollups', {
      day: '2026-01-01',
      dimension: 'total',
      pageviews: 1,
    });
    expect(rollup.status).toBe(403);
    const forged = await directusAs(stack, alphaToken, 'POST', '/items/work_log', { action: 'forged' });
    expect(forged.status).toBe(403);
    const shared = await pool.query<{ id: string }>(
      `insert into work_log (site_id, action, details) values (null, 'int-test-shared', '{}') returning id`,
    );
    const logs = await directusAs<{ site_id: string | null }[]>(
      stack,
      alphaToken,
      'GET',
      '/items/work_log?fields=site_id&limit=-1',
    );
    expect(logs.status).toBe(200);
    expect(logs.body.data?.every((row) => row.site_id === alphaId)).toBe(true);
    const remove = await directusAs(stack, alphaToken, 'DELETE', `/items/work_log/${shared.rows[0]?.id}`);
    expect(remove.status).toBe(403);
    await pool.query('delete from generation_jobs where id = $1', [jobId]);
  });
});
