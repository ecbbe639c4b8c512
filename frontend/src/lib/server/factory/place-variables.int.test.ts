import { randomBytes } from 'node:crypto';
import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, callApi, isErrorEnvelope } from '../../../testing/http.js';
import { createCampaign, type TenantLibrary, tenantLibrary, waitForJob } from './testing/factory-api.js';

/**
 * A template whose fragments name the place ({City}, {Population}) cannot make articles for a campaign without
 * one: the campaign form and generate-article refuse it with a 422 naming the tokens, before anything is reserved.
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
let alpha: TenantLibrary;
let placeTemplate = '';
const fragmentType = `place_probe_${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  alpha = await tenantLibrary(pool, 'alpha.localhost');
  const template = await pool.query<{ id: string }>(
    `insert into article_templates (site_id, name, fragment_types) values ($1, $2, $3::jsonb) returning id`,
    [alpha.siteId, `Place probe ${fragmentType}`, JSON.stringify([fragmentType])],
  );
  placeTemplate = template.rows[0]?.id ?? '';
  await pool.query(`insert into content_fragments (site_id, fragment_type, body) values ($1, $2, $3)`, [
    alpha.siteId,
    fragmentType,
    '<p>Serving {City} and its {Population} residents for years.</p>',
  ]);
});
afterAll(async () => {
  await pool.query('delete from campaign_masters where template_id = $1', [placeTemplate]);
  await pool.query('delete from content_fragments where fragment_type = $1', [fragmentType]);
  await pool.query('delete from article_templates where id = $1', [placeTemplate]);
  await pool.end();
});

async function reserved(campaignId: string) {
  const { rows } = await pool.query<{ jobs: number; inventory: number }>(
    `select (select count(*)::int from generation_jobs where campaign_id = $1) as jobs,
            (select count(*)::int from headline_inventory where campaign_id = $1) as inventory`,
    [campaignId],
  );
  return rows[0];
}

describe('place variables a campaign cannot fill', () => {
  it('the campaign form refuses a template that names the place when the campaign has no location', async () => {
    const name = `No place ${fragmentType}`;
    const answer = await callApi('/api/campaigns', {
      method: 'POST',
      token: adminToken(),
      json: {
        site_id: alpha.siteId,
        name,
        headline_spintax_root: '{Niche} tips for {Avatar_Name}s',
        niche_variables: { Niche: 'Roofing' },
        location_mode: 'none',
        location: {},
        avatar_ids: alpha.avatarIds,
        template_id: placeTemplate,
      },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(422);
    expect(isErrorEnvelope(answer.body)).toBe(true);
    expect(JSON.stringify(answer.body)).toContain('{City}');
    expect(JSON.stringify(answer.body)).toContain('{Population}');
    const { rowCount } = await pool.query('select 1 from campaign_masters where name = $1', [name]);
    expect(rowCount).toBe(0);
  });

  it('generate-article refuses a campaign changed past the form (e.g. in the Data Studio) and reserves nothing', async () => {
    const { id } = await createCampaign(alpha, {
      headline_spintax_root: '{Niche} tips for {Avatar_Name}s',
      template_id: placeTemplate,
    });
    // What an edit outside the API can leave behind: the location dropped, the template kept.
    await pool.query(
      `update campaign_masters set location_mode = 'none', radius_center = null, radius_km = null where id = $1`,
      [id],
    );
    const answer = await callApi('/api/seo/generate-article', {
      method: 'POST',
      token: adminToken(),
      json: { campaign_id: id, count: 1 },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(422);
    expect(isErrorEnvelope(answer.body)).toBe(true);
    expect(JSON.stringify(answer.body)).toContain('{City}');
    expect(await reserved(id)).toEqual({ jobs: 0, inventory: 0 });
  });

  it('a headline that names the place is refused in a campaign without a location, naming the token', async () => {
    const { id } = await createCampaign(alpha, {
      headline_spintax_root: '{Niche} in {City} for {Avatar_Name}s',
      location_mode: 'none',
      location: {},
      template_id: null,
    });
    const answer = await callApi('/api/seo/generate-headlines', {
      method: 'POST',
      token: adminToken(),
      json: { campaign_id: id, preview: true, limit: 1 },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(422);
    expect(isErrorEnvelope(answer.body)).toBe(true);
    expect(JSON.stringify(answer.body)).toContain('{City}');
    await pool.query('delete from campaign_masters where id = $1', [id]);
  });

  it('the same campaign with a location generates', async () => {
    const { id } = await createCampaign(alpha, {
      headline_spintax_root: '{Niche} tips for {Avatar_Name}s in {City}',
      template_id: placeTemplate,
    });
    const answer = await callApi<{ job_id: string }>('/api/seo/generate-article', {
      method: 'POST',
      token: adminToken(),
      json: { campaign_id: id, count: 2 },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    // Finished before the cleanup deletes its campaign, and every article made.
    expect(await waitForJob(answer.body.job_id)).toMatchObject({
      status: 'completed',
      processed: 2,
      failed: 0,
    });
  });
});
