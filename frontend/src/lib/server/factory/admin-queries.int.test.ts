import { BOARD_COUNT_CAP } from '@spark/contracts/admin';
import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, editorToken } from '../../../testing/http.js';
import {
  citiesInDemoRegion,
  createCampaign,
  DEMO_REGION,
  startGeneration,
  type TenantLibrary,
  tenantLibrary,
  waitForJob,
} from './testing/factory-api.js';

/** The read models the admin UI is built on: draft previews, campaign summaries, board columns, pickers. */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
let alpha: TenantLibrary;
let campaignId = '';
const alphaToken = () => editorToken('alpha.localhost');

beforeAll(async () => {
  alpha = await tenantLibrary(pool, 'alpha.localhost');
  campaignId = (await createCampaign(alpha, {}, alphaToken())).id;
});
afterAll(async () => {
  await pool.query('delete from generated_articles where campaign_id = $1', [campaignId]);
  await pool.query('delete from campaign_masters where id = $1', [campaignId]);
  await pool.end();
});

const preview = (draft: Record<string, unknown>, token = alphaToken()) =>
  callApi<{
    total: number | string;
    locations: number;
    cities: { lat: number | null; lng: number | null }[];
    samples: { headline: string }[];
    error?: { details: { issues: { line: number; column: number }[] } };
  }>('/api/seo/generate-headlines', {
    method: 'POST',
    token,
    json: { preview: true, limit: 3, seed: 1, draft },
  });

describe('admin read models', () => {
  it('previews an unsaved draft: exact count, cities covered and seeded samples', async () => {
    const draft = {
      headline_spintax_root: '{Best|Top} {Niche} in {City}\n{Niche} near {City}',
      niche_variables: { Niche: 'Roofing' },
      location_mode: 'radius',
      location: DEMO_REGION,
    };
    const first = await preview(draft);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const covered = await citiesInDemoRegion(pool);
    expect(first.body.locations).toBe(covered);
    // The map shows the 300 biggest.
    expect(first.body.cities).toHaveLength(Math.min(covered, 300));
    expect(first.body.cities.every((city) => city.lat !== null && city.lng !== null)).toBe(true);
    expect(first.body.total).toBe(3 * covered);
    expect(first.body.samples).toHaveLength(3);
    expect((await preview(draft)).body.samples).toEqual(first.body.samples);
    const written = await pool.query('select 1 from campaign_masters where headline_spintax_root = $1', [
      draft.headline_spintax_root,
    ]);
    expect(written.rowCount).toBe(0);
  });

  it('reports a draft’s spintax error at its line and column', async () => {
    const answer = await preview({
      headline_spintax_root: '{Best|Top} Roofing\n{Best|Top Roofing',
      niche_variables: {},
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error?.details.issues[0]).toMatchObject({ line: 2, column: 1 });
  });

  it('refuses to preview a draft for another site', async () => {
    const beta = await tenantLibrary(pool, 'beta.localhost');
    const answer = await preview({ site_id: beta.siteId, headline_spintax_root: 'Roofing' });
    expect(answer.status).toBe(404);
  });

  it('lists campaigns with their counts by status and last job, and serves board columns by page', async () => {
    const jobId = await startGeneration(campaignId, 5, alphaToken());
    await waitForJob(jobId);
    const list = await callApi<{
      data: { id: string; stats: { articles: Record<string, number> }; last_job: { id: string } }[];
    }>(`/api/campaigns?site_id=${alpha.siteId}&limit=200`, { token: alphaToken() });
    const mine = list.body.data.find((campaign) => campaign.id === campaignId);
    expect(mine?.stats.articles.qc).toBe(5);
    expect(mine?.last_job.id).toBe(jobId);
    const page1 = await callApi<{ data: { id: string; status: string }[]; total: number }>(
      `/api/seo/articles?status=qc&campaign_id=${campaignId}&limit=2`,
      { token: alphaToken() },
    );
    expect(page1.status).toBe(200);
    expect(page1.body.total).toBe(5);
    expect(page1.body.data.map((a) => a.status)).toEqual(['qc', 'qc']);
    const page3 = await callApi<{ data: { id: string }[] }>(
      `/api/seo/articles?status=qc&campaign_id=${campaignId}&limit=2&offset=4`,
      { token: alphaToken() },
    );
    expect(page3.body.data).toHaveLength(1);
    const foreign = await callApi<{ data: unknown[] }>(
      `/api/seo/articles?status=qc&campaign_id=${campaignId}`,
      {
        token: editorToken('beta.localhost'),
      },
    );
    expect(foreign.body.data).toHaveLength(0);
  }, 60_000);

  it('sends approved and scheduled articles back to review, and nothing of another site', async () => {
    const qc = await callApi<{ data: { id: string }[] }>(
      `/api/seo/articles?status=qc&campaign_id=${campaignId}`,
      {
        token: alphaToken(),
      },
    );
    const [first, second] = qc.body.data.map((article) => article.id);
    if (!first || !second) throw new Error('the campaign has too few articles in review');
    const post = (path: string, json: unknown, token = alphaToken()) =>
      callApi<{ returned: number; skipped: number }>(path, { method: 'POST', token, json });
    expect((await post('/api/seo/approve-batch', { article_ids: [first, second] })).status).toBe(200);
    const later = new Date(Date.now() + 86_400_000).toISOString();
    expect(
      (await post('/api/seo/publish-article', { article_ids: [second], publish_at: later })).status,
    ).toBe(200);
    const foreign = await post(
      '/api/seo/return-to-review',
      { article_ids: [first] },
      editorToken('beta.localhost'),
    );
    expect(foreign.status).toBe(404);
    const back = await post('/api/seo/return-to-review', { article_ids: [first, second] });
    expect(back.status).toBe(200);
    expect(back.body).toEqual({ returned: 2, skipped: 0 });
    const rows = await pool.query<{ status: string; publish_at: Date | null }>(
      'select status, publish_at from generated_articles where id = any($1::uuid[])',
      [[first, second]],
    );
    expect(rows.rows).toEqual([
      { status: 'qc', publish_at: null },
      { status: 'qc', publish_at: null },
    ]);
    const again = await post('/api/seo/return-to-review', { article_ids: [first] });
    expect(again.body).toEqual({ returned: 0, skipped: 1 });
    const logged = await pool.query(
      `select 1 from work_log where action = 'articles.return_to_review' and details->'article_ids' ? $1`,
      [first],
    );
    expect(logged.rowCount).toBe(1);
  });

  it('filters board columns by quality flag and by city, and lists each card’s open flags', async () => {
    const all = await callApi<{
      data: { id: string; city: string | null; flags: string[] }[];
      total: number;
    }>(`/api/seo/articles?status=qc&campaign_id=${campaignId}&limit=100`, { token: alphaToken() });
    const [flagged, other] = all.body.data;
    if (!flagged || !other?.city) throw new Error('the campaign has too few articles in review');
    await pool.query(
      // A kind the generator never writes (those headlines fail instead), so exactly one article has it.
      `insert into quality_flags (site_id, article_id, type) values ($1, $2, 'unresolved_token')`,
      [alpha.siteId, flagged.id],
    );
    const marked = await callApi<{ data: { id: string; flags: string[] }[]; total: number }>(
      `/api/seo/articles?status=qc&campaign_id=${campaignId}&flag=unresolved_token`,
      { token: alphaToken() },
    );
    expect(marked.body.total).toBe(1);
    expect(marked.body.data[0]?.id).toBe(flagged.id);
    expect(marked.body.data[0]?.flags).toContain('unresolved_token');
    const byCity = await callApi<{ data: { city: string | null }[]; total: number }>(
      `/api/seo/articles?status=qc&campaign_id=${campaignId}&city=${encodeURIComponent(other.city.slice(0, 3).toLowerCase())}`,
      { token: alphaToken() },
    );
    expect(byCity.body.total).toBeGreaterThan(0);
    expect(byCity.body.total).toBeLessThanOrEqual(all.body.total);
    expect(
      byCity.body.data.every((card) =>
        card.city?.toLowerCase().startsWith(other.city?.slice(0, 3).toLowerCase() ?? '-'),
      ),
    ).toBe(true);
    const none = await callApi<{ total: number }>(
      `/api/seo/articles?status=qc&campaign_id=${campaignId}&city=${encodeURIComponent('%')}`,
      { token: alphaToken() },
    );
    expect(none.body.total).toBe(0);
  });

  it('counts a column exactly up to the cap, says when counting stopped there, and pages on past it', async () => {
    const big = (await createCampaign(alpha, {}, alphaToken())).id;
    try {
      // One more than the cap, straight into the table: generating ten thousand articles would take minutes.
      await pool.query(
        `insert into generated_articles (site_id, campaign_id, title, slug, status, generation_key)
         select $1::uuid, $2::uuid, 'Capped ' || n, 'capped-' || n, 'approved', $2::text || '-capped-' || n
         from generate_series(1, $3::int) n`,
        [alpha.siteId, big, BOARD_COUNT_CAP + 1],
      );
      const { rows: cities } = await pool.query<{ id: string; name: string }>(
        `select id, name from geo_cities order by population desc nulls last, id limit 1`,
      );
      const city = cities[0];
      if (!city) throw new Error('the gazetteer has no cities');
      await pool.query(
        `update generated_articles set city_id = $2 where campaign_id = $1 and slug in ('capped-1', 'capped-2', 'capped-3')`,
        [big, city.id],
      );
      type Column = { data: { id: string; city: string | null }[]; total: number; total_capped: boolean };
      const column = (query: string) =>
        callApi<Column>(`/api/seo/articles?status=approved&campaign_id=${big}&${query}`, {
          token: alphaToken(),
        });

      const first = await column('limit=20');
      expect(first.status).toBe(200);
      expect([first.body.total, first.body.total_capped]).toEqual([BOARD_COUNT_CAP, true]);
      expect(first.body.data).toHaveLength(20);
      const beyond = await column(`limit=20&offset=${BOARD_COUNT_CAP}`);
      expect(beyond.body.data).toHaveLength(1);
      expect(beyond.body.total_capped).toBe(true);

      const inCity = await column(`city=${encodeURIComponent(city.name.toUpperCase())}`);
      expect([inCity.body.total, inCity.body.total_capped]).toEqual([3, false]);
      expect(inCity.body.data.map((card) => card.city)).toEqual([city.name, city.name, city.name]);

      const foreign = await callApi<Column>(`/api/seo/articles?status=approved&campaign_id=${big}`, {
        token: editorToken('beta.localhost'),
      });
      expect([foreign.body.total, foreign.body.total_capped, foreign.body.data]).toEqual([0, false, []]);
    } finally {
      await pool.query('delete from generated_articles where campaign_id = $1', [big]);
      await pool.query('delete from campaign_masters where id = $1', [big]);
    }
  }, 120_000);

  it('offers the site’s avatars, templates and states, and searches cities by name', async () => {
    const options = await callApi<{
      data: {
        avatars: { id: string }[];
        templates: { id: string }[];
        states: unknown[];
        fragment_counts: Record<string, number>;
      };
    }>('/api/admin/campaign-options', { token: alphaToken() });
    expect(options.status).toBe(200);
    expect(options.body.data.avatars.map((a) => a.id)).toEqual(expect.arrayContaining(alpha.avatarIds));
    expect(options.body.data.templates.map((t) => t.id)).toContain(alpha.templateId);
    expect(options.body.data.states.length).toBeGreaterThanOrEqual(5);
    expect(options.body.data.fragment_counts.opening).toBeGreaterThan(0);
    const cities = await callApi<{ data: { name: string; state_code: string; lat: number }[] }>(
      '/api/admin/places?kind=city&q=dal',
      { token: alphaToken() },
    );
    expect(cities.body.data[0]).toMatchObject({ name: 'Dallas', state_code: 'TX' });
  });
});
