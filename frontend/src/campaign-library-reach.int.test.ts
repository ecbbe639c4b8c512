import { randomBytes } from 'node:crypto';
import { createPool } from '@spark/db';
import { afterAll, describe, expect, it } from 'vitest';
import { adminToken, callApi } from './testing/http.js';

/**
 * The campaign preview tells an author how long the template's articles can be with the library, and
 * warns when that is a fraction of the target, before anything is generated.
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
const created: string[] = [];

afterAll(async () => {
  await pool.query('delete from campaign_masters where id = any($1::uuid[])', [created]);
  await pool.end();
});

interface LibraryReachAnswer {
  library: {
    target_word_count: number;
    reachable_words: { min: number; median: number; max: number };
    missing_types: string[];
    warning: string | null;
  } | null;
}

/** A copy of alpha's demo campaign with `template` and `target_word_count`, previewed through the API. */
async function previewWith(template: string, targetWordCount: number) {
  const { rows } = await pool.query<{ site_id: string; template_id: string; avatar_ids: string[] }>(
    `select s.id as site_id, t.id as template_id, m.avatar_ids
     from sites s join article_templates t on t.site_id = s.id and t.name = $1
     join campaign_masters m on m.site_id = s.id and m.name = 'Texas city roofing pages'
     where s.domain = 'alpha.localhost'`,
    [template],
  );
  const demo = rows[0];
  if (!demo) throw new Error(`alpha's demo template "${template}" is not seeded`);
  const saved = await callApi<{ data: { id: string } }>('/api/campaigns', {
    method: 'POST',
    token: adminToken(),
    json: {
      site_id: demo.site_id,
      name: `Reach ${randomBytes(4).toString('hex')}`,
      headline_spintax_root: '{Roofers|Roofing} in {City}',
      niche_variables: { Niche: 'Roofing' },
      location_mode: 'radius',
      location: { center: { lat: 30.27, lng: -97.74 }, radius_km: 100 },
      avatar_ids: demo.avatar_ids,
      template_id: demo.template_id,
      target_word_count: targetWordCount,
    },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  created.push(saved.body.data.id);
  return callApi<LibraryReachAnswer>('/api/seo/generate-headlines', {
    method: 'POST',
    token: adminToken(),
    json: { campaign_id: saved.body.data.id, preview: true, limit: 1 },
  });
}

describe('the demo campaigns', () => {
  it.each([
    ['alpha.localhost', 'Texas city roofing pages'],
    ['beta.localhost', 'Triangle dentist pages'],
  ])('of %s can make well over 1,000 distinct headlines (%s)', async (domain, name) => {
    const { rows } = await pool.query<{ id: string }>(
      `select m.id from campaign_masters m join sites s on s.id = m.site_id where s.domain = $1 and m.name = $2`,
      [domain, name],
    );
    const campaignId = rows[0]?.id;
    if (!campaignId) throw new Error(`the demo campaign "${name}" is not seeded`);
    const answer = await callApi<{ total: number | string; locations: number }>(
      '/api/seo/generate-headlines',
      {
        method: 'POST',
        token: adminToken(),
        json: { campaign_id: campaignId, preview: true, limit: 1 },
      },
    );
    expect(answer.status).toBe(200);
    expect(Number(answer.body.total)).toBeGreaterThanOrEqual(1500);
    expect(answer.body.locations).toBeGreaterThan(1);
  });
});

describe('the library reach in the campaign preview', () => {
  it("reports the demo guide's reachable length and no warning at its 1,200-word target", async () => {
    const answer = await previewWith('Local roofing guide', 1200);
    expect(answer.status).toBe(200);
    const library = answer.body.library;
    expect(library?.warning).toBeNull();
    expect(library?.missing_types).toEqual([]);
    expect(library?.reachable_words.median).toBeGreaterThanOrEqual(900);
    expect(library?.reachable_words.min).toBeLessThanOrEqual(library?.reachable_words.median ?? 0);
  });

  it('warns when the template can only reach a fraction of the target', async () => {
    const answer = await previewWith('Storm response brief', 2000);
    expect(answer.status).toBe(200);
    const library = answer.body.library;
    expect(library?.reachable_words.median).toBeLessThan(2000 * 0.6);
    expect(library?.warning).toMatch(/of the 2000-word target: most articles would be flagged short/);
  });

  it("answers for an unsaved draft with a template, and never for another site's template", async () => {
    const { rows } = await pool.query<{ site_id: string; own: string; other: string }>(
      `select s.id as site_id,
              (select id from article_templates where site_id = s.id and name = 'Local roofing guide') as own,
              (select t.id from article_templates t join sites b on b.id = t.site_id
               where b.domain = 'beta.localhost' limit 1) as other
       from sites s where s.domain = 'alpha.localhost'`,
    );
    const ids = rows[0];
    if (!ids) throw new Error('the demo sites are not seeded');
    const preview = (templateId: string) =>
      callApi<LibraryReachAnswer>('/api/seo/generate-headlines', {
        method: 'POST',
        token: adminToken(),
        json: {
          preview: true,
          limit: 1,
          draft: {
            site_id: ids.site_id,
            headline_spintax_root: '{Niche} in {City}',
            niche_variables: { Niche: 'Roofing' },
            location_mode: 'radius',
            location: { center: { lat: 30.27, lng: -97.74 }, radius_km: 50 },
            template_id: templateId,
            target_word_count: 5000,
          },
        },
      });
    const own = await preview(ids.own);
    expect(own.status).toBe(200);
    expect(own.body.library).toMatchObject({ target_word_count: 5000, missing_types: [] });
    expect(own.body.library?.warning).toMatch(/of the 5000-word target/);
    const other = await preview(ids.other);
    expect(other.status).toBe(200);
    expect(other.body.library).toBeNull();
  });
});
