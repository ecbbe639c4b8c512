import { STUDIO_DASHBOARD_ID, STUDIO_LANDING_PAGE } from '@spark/contracts';
import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directusAs, editorToken, testStack } from '../../testing/stack.js';
import { MARKETER_COLLECTIONS } from '../catalog.js';
import { createDirectusClient } from '../client.js';
import { registerDirectusMetadata } from '../register.js';
import { PANELS } from './dashboard.js';
import { flowId, MANUAL_FLOWS } from './flows.js';
import { provisionDataStudio, provisionStudioFlows } from './index.js';
import { LIST_PRESETS } from './presets.js';

const stack = testStack();
const pool = createPool(stack.DATABASE_URL, { max: 2 });
const admin = stack.DIRECTUS_ADMIN_TOKEN;
const alphaToken = editorToken(stack, 'alpha.localhost');
const betaToken = editorToken(stack, 'beta.localhost');
let alphaId = '';
let betaId = '';
const createdArticles: string[] = [];

beforeAll(async () => {
  const sites = await pool.query<{ id: string; domain: string }>('select id, domain from sites');
  alphaId = sites.rows.find((s) => s.domain === 'alpha.localhost')?.id ?? '';
  betaId = sites.rows.find((s) => s.domain === 'beta.localhost')?.id ?? '';
  expect(alphaId && betaId).toBeTruthy();
});

afterAll(async () => {
  if (createdArticles.length > 0)
    await pool.query('delete from generated_articles where id = any($1)', [createdArticles]);
  await pool.end();
});

const flowNamed = (name: string) => {
  const flow = MANUAL_FLOWS.find((f) => f.name === name);
  if (!flow) throw new Error(`no flow ${name}`);
  return flow;
};

/** Everything the Studio provisioning writes, as rows a second run must reproduce exactly. */
async function studioSnapshot() {
  const query = async (sql: string) => (await pool.query(sql)).rows;
  return {
    settings: await query(
      'select project_name, project_descriptor, project_color, public_note, module_bar::text from directus_settings',
    ),
    dashboards: await query('select id, name, icon, note, color from directus_dashboards order by id'),
    panels: await query(
      'select id, dashboard, name, type, position_x, position_y, width, height, options::text from directus_panels order by id',
    ),
    presets: await query(
      `select id, collection, layout, layout_query::text, layout_options::text from directus_presets
       where "user" is null and role is null and bookmark is null order by id`,
    ),
    flows: await query(
      'select id, name, status, trigger, options::text, operation from directus_flows order by id',
    ),
    operations: await query(
      'select id, flow, key, type, options::text, resolve from directus_operations order by id',
    ),
    collections: await query(
      `select collection, hidden, translations::text, "group", sort, preview_url from directus_collections
       where collection not like 'directus\\_%' order by collection`,
    ),
    fields: await query(
      `select collection, field, interface, options::text, note, conditions::text from directus_fields
       where collection not like 'directus\\_%' order by collection, field`,
    ),
  };
}

describe('the Data Studio provisioned by setup', () => {
  it('names the project Spark and puts Insights first in the module bar', async () => {
    const { rows } = await pool.query<{ project_name: string; module_bar: { id: string }[] }>(
      'select project_name, module_bar from directus_settings',
    );
    expect(rows[0]?.project_name).toBe('Spark');
    expect(rows[0]?.module_bar[0]?.id).toBe('insights');
  });

  it('has the Site overview dashboard with its panels', async () => {
    const dashboard = await directusAs<{ name: string; panels: { name: string; type: string }[] }>(
      stack,
      admin,
      'GET',
      `/dashboards/${STUDIO_DASHBOARD_ID}?fields=name,panels.name,panels.type`,
    );
    expect(dashboard.body.data?.name).toBe('Site overview');
    expect(dashboard.body.data?.panels.map((p) => p.name).sort()).toEqual(PANELS.map((p) => p.name).sort());
  });

  it('has the four manual flows, "Generate 50 articles" using the Spark operation with count 50', async () => {
    const answer = await directusAs<
      { id: string; name: string; trigger: string; options: { collections: string[] } }[]
    >(stack, admin, 'GET', '/flows?fields=id,name,trigger,options&limit=-1');
    const flows = answer.body.data ?? [];
    for (const flow of MANUAL_FLOWS) {
      const found = flows.find((f) => f.id === flowId(flow));
      expect(found?.name, flow.name).toBe(flow.name);
      expect(found?.trigger).toBe('manual');
      expect(found?.options.collections).toEqual([flow.collection]);
    }
    const operations = await pool.query<{ type: string; options: { count: number } }>(
      'select type, options from directus_operations where flow = $1',
      [flowId(flowNamed('Generate 50 articles'))],
    );
    expect(operations.rows).toEqual([
      { type: 'spark-generate-articles', options: expect.objectContaining({ count: 50 }) },
    ]);
  });

  it('links pages and articles to their preview on the tenant host', async () => {
    const { rows } = await pool.query<{ collection: string; preview_url: string }>(
      "select collection, preview_url from directus_collections where collection in ('pages', 'generated_articles')",
    );
    const urls = Object.fromEntries(rows.map((r) => [r.collection, r.preview_url]));
    expect(urls.pages).toMatch(/^https?:\/\/\{\{site_id\.domain\}\}(:\d+)?\{\{permalink\}\}$/);
    expect(urls.generated_articles).toMatch(/^https?:\/\/\{\{site_id\.domain\}\}(:\d+)?\/\{\{slug\}\}$/);
  });

  it('picks a campaign’s avatars by name and shows the radius only in radius mode', async () => {
    const avatars = await directusAs<{ meta: { interface: string; options: Record<string, string> } }>(
      stack,
      admin,
      'GET',
      '/fields/campaign_masters/avatar_ids',
    );
    expect(avatars.body.data?.meta.interface).toBe('spark-item-picker');
    expect(avatars.body.data?.meta.options).toEqual({
      relatedCollection: 'avatar_intelligence',
      displayField: 'name',
    });
    const radius = await directusAs<{ meta: { conditions: { rule: unknown; hidden: boolean }[] } }>(
      stack,
      admin,
      'GET',
      '/fields/campaign_masters/radius_center',
    );
    expect(radius.body.data?.meta.conditions).toEqual([
      expect.objectContaining({ rule: { location_mode: { _nin: ['radius'] } }, hidden: true }),
    ]);
  });

  it('gives every field a marketer sees a note', async () => {
    const answer = await directusAs<
      { collection: string; field: string; meta: { hidden: boolean; note: string | null } | null }[]
    >(stack, admin, 'GET', '/fields?limit=-1');
    const visible = (answer.body.data ?? []).filter(
      (f) => MARKETER_COLLECTIONS.includes(f.collection) && f.meta && !f.meta.hidden,
    );
    expect(visible.length).toBeGreaterThan(150);
    const missing = visible.filter((f) => !f.meta?.note?.trim()).map((f) => `${f.collection}.${f.field}`);
    expect(missing).toEqual([]);
  });

  it('changes nothing when provisioning runs again', async () => {
    const before = await studioSnapshot();
    const pagesPreview =
      (
        await pool.query<{ preview_url: string }>(
          "select preview_url from directus_collections where collection = 'pages'",
        )
      ).rows[0]?.preview_url ?? '';
    await registerDirectusMetadata(pool);
    await provisionDataStudio(pool, { previewOrigin: pagesPreview.replace('{{permalink}}', '') });
    await provisionStudioFlows(createDirectusClient(stack.DIRECTUS_INTERNAL_URL, admin));
    expect(await studioSnapshot()).toEqual(before);
  }, 120_000);
});

describe('the alpha editor in the Data Studio', () => {
  it('sees only the marketer collections in the navigation', async () => {
    const answer = await directusAs<
      { collection: string; meta: { hidden: boolean } | null; schema: unknown }[]
    >(stack, alphaToken, 'GET', '/collections?limit=-1');
    expect(answer.status).toBe(200);
    const shown = (answer.body.data ?? [])
      .filter((c) => c.schema && c.meta && !c.meta.hidden && !c.collection.startsWith('directus_'))
      .map((c) => c.collection)
      .sort();
    expect(shown).toEqual([...MARKETER_COLLECTIONS].sort());
    for (const internal of ['headline_inventory', 'article_fingerprints', 'geo_cluster_members', 'work_log'])
      expect(shown).not.toContain(internal);
  });

  it('gets the list presets with useful columns', async () => {
    const answer = await directusAs<
      { collection: string; layout_query: { tabular: { fields: string[] } } }[]
    >(stack, alphaToken, 'GET', '/presets?limit=-1&filter[user][_null]=true&filter[role][_null]=true');
    expect(answer.status).toBe(200);
    const articles = answer.body.data?.find((p) => p.collection === 'generated_articles');
    expect(articles?.layout_query.tabular.fields).toEqual(
      LIST_PRESETS.find((p) => p.collection === 'generated_articles')?.fields,
    );
    expect(articles?.layout_query.tabular.fields).toEqual(
      expect.arrayContaining(['title', 'status', 'word_count', 'published_at']),
    );
  });

  it('reads the dashboard, whose article counts are alpha’s only', async () => {
    const dashboard = await directusAs(stack, alphaToken, 'GET', `/dashboards/${STUDIO_DASHBOARD_ID}`);
    expect(dashboard.status).toBe(200);
    // The "Articles by status" panel's query, run as each editor.
    const countsAs = async (token: string) => {
      const answer = await directusAs<{ status: string; count: { id: string | number } }[]>(
        stack,
        token,
        'GET',
        '/items/generated_articles?aggregate[count]=id&groupBy[]=status',
      );
      expect(answer.status).toBe(200);
      return Object.fromEntries((answer.body.data ?? []).map((row) => [row.status, Number(row.count.id)]));
    };
    const inDatabase = async (siteId: string) =>
      Object.fromEntries(
        (
          await pool.query<{ status: string; n: number }>(
            'select status, count(*)::int as n from generated_articles where site_id = $1 group by status',
            [siteId],
          )
        ).rows.map((row) => [row.status, row.n]),
      );
    expect(await countsAs(alphaToken)).toEqual(await inDatabase(alphaId));
    expect(await countsAs(betaToken)).toEqual(await inDatabase(betaId));
  });

  it('lands on the dashboard after signing in', async () => {
    const editors = JSON.parse(process.env.SPARK_TEST_EDITORS ?? '[]') as {
      siteDomain: string;
      email: string;
      password?: string;
    }[];
    const alpha = editors.find((e) => e.siteDomain === 'alpha.localhost');
    expect(alpha?.password).toBeTruthy();
    await pool.query("update directus_users set last_page = '/content' where email = $1", [alpha?.email]);
    const login = await directusAs<{ access_token: string }>(stack, null, 'POST', '/auth/login', {
      email: alpha?.email,
      password: alpha?.password,
    });
    expect(login.status).toBe(200);
    const me = await directusAs<{ last_page: string }>(
      stack,
      login.body.data?.access_token ?? '',
      'GET',
      '/users/me?fields=last_page',
    );
    expect(me.body.data?.last_page).toBe(STUDIO_LANDING_PAGE);
  });

  it('gets a readable error for a bad page block, and nothing is saved', async () => {
    const permalink = `/studio-bad-block-${Date.now()}`;
    const answer = await directusAs(stack, alphaToken, 'POST', '/items/pages', {
      site_id: alphaId,
      permalink,
      title: 'Bad block',
      blocks: [
        { type: 'rich_text', html: '<p>fine</p>' },
        { type: 'hero', subheading: 'The heading is missing' },
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.message).toContain('blocks: block 2 (hero), field "heading"');
    const saved = await pool.query('select 1 from pages where permalink = $1', [permalink]);
    expect(saved.rowCount).toBe(0);
  });

  it('approves selected articles with the flow, as themselves: beta’s editor cannot approve alpha’s', async () => {
    const key = `studio-approve-${Date.now()}`;
    const { rows } = await pool.query<{ id: string }>(
      `insert into generated_articles (site_id, title, slug, generation_key, status)
       values ($1, 'Studio approve test', $2, $2, 'qc') returning id`,
      [alphaId, key],
    );
    const articleId = rows[0]?.id ?? '';
    createdArticles.push(articleId);
    const approve = flowId(flowNamed('Approve selected'));
    const body = { collection: 'generated_articles', keys: [articleId] };
    const statusOf = async () =>
      (
        await pool.query<{ status: string }>('select status from generated_articles where id = $1', [
          articleId,
        ])
      ).rows[0]?.status;

    await directusAs(stack, betaToken, 'POST', `/flows/trigger/${approve}`, body);
    expect(await statusOf()).toBe('qc');

    const answer = await directusAs(stack, alphaToken, 'POST', `/flows/trigger/${approve}`, body);
    expect(answer.status).toBe(200);
    expect(await statusOf()).toBe('approved');
  });
});
