import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../testing/admin-session.js';
import { adminToken, callApi, editorToken, isErrorEnvelope } from '../../../testing/http.js';

const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });

interface Row {
  id: string;
  site_id: string | null;
  shared: boolean;
  [field: string]: unknown;
}
type Page = { data: Row[]; total: number; page: number; limit: number };
type Issues = { error: { code: string; message: string; details?: { issues?: { path: string }[] } } };

/** Each test makes several round trips through Directus; a busy machine must slow them, not fail them. */
const SLOW_MACHINE = { timeout: 60_000 };
const stamp = Date.now().toString(36);
/** A dictionary category of this run only, so parallel suites and re-runs never meet. */
const category = `Lib_Test_${stamp}`;
const sharedCategory = `Shared_Lib_${stamp}`;
let alphaId = '';
let betaId = '';
let sharedId = '';
const created: string[] = [];

beforeAll(async () => {
  const { rows } = await pool.query<{ id: string; domain: string }>('select id, domain from sites');
  alphaId = rows.find((r) => r.domain === 'alpha.localhost')?.id ?? '';
  betaId = rows.find((r) => r.domain === 'beta.localhost')?.id ?? '';
  const shared = await pool.query<{ id: string }>(
    `insert into spintax_dictionaries (site_id, category, terms) values (null, $1, '["one shared term"]') returning id`,
    [sharedCategory],
  );
  sharedId = shared.rows[0]?.id ?? '';
});

afterAll(async () => {
  await pool.query('delete from spintax_dictionaries where id = any($1::uuid[]) or category in ($2, $3)', [
    created.concat(sharedId),
    category,
    sharedCategory,
  ]);
  await pool.query("delete from link_targets where url like '/library-test-%'");
  await pool.end();
});

const termsOf = async (id: string) =>
  (await pool.query<{ terms: string[] }>('select terms from spintax_dictionaries where id = $1', [id]))
    .rows[0]?.terms;

/** The campaign preview's sampled headlines for a draft that spins this run's dictionary. */
async function previewSamples(token: string): Promise<string[]> {
  const answer = await callApi<{ samples: { headline: string }[] }>('/api/seo/generate-headlines', {
    method: 'POST',
    token,
    json: {
      preview: true,
      limit: 5,
      seed: 7,
      draft: { site_id: alphaId, headline_spintax_root: `{${category}} for your home`, niche_variables: {} },
    },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.samples.map((sample) => sample.headline);
}

describe('library rows edited through Directus with the editor’s own session', SLOW_MACHINE, () => {
  let dictionaryId = '';

  it('creates a dictionary on the editor’s site, and the campaign preview spins it', async () => {
    const session = await signInAs('alpha.localhost');
    const answer = await session.call<{ data: Row }>(
      `/api/admin/library/spintax_dictionaries?site_id=${alphaId}`,
      {
        method: 'POST',
        json: { category, terms: ['slate roofs', 'tile roofs'] },
      },
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.data).toMatchObject({ site_id: alphaId, shared: false, category });
    dictionaryId = answer.body.data.id;
    created.push(dictionaryId);
    const samples = await previewSamples(editorToken('alpha.localhost'));
    expect(samples.length).toBe(2);
    expect(samples.every((headline) => /^(slate|tile) roofs for your home$/.test(headline))).toBe(true);
  });

  it('changes the terms, and the preview’s samples change with them', async () => {
    const session = await signInAs('alpha.localhost');
    const answer = await session.call<{ data: Row }>(
      `/api/admin/library/spintax_dictionaries/${dictionaryId}?site_id=${alphaId}`,
      { method: 'PATCH', json: { terms: ['copper roofs', 'cedar shakes', 'green roofs'] } },
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(await termsOf(dictionaryId)).toEqual(['copper roofs', 'cedar shakes', 'green roofs']);
    const samples = await previewSamples(editorToken('alpha.localhost'));
    expect(samples.sort()).toEqual(
      ['cedar shakes for your home', 'copper roofs for your home', 'green roofs for your home'].sort(),
    );
  });

  it('lists the site’s rows and the shared ones, marking which are shared, and none of beta’s', async () => {
    const answer = await callApi<Page>(
      `/api/admin/library/spintax_dictionaries?site_id=${alphaId}&limit=100`,
      { token: editorToken('alpha.localhost') },
    );
    expect(answer.status).toBe(200);
    const ours = answer.body.data.find((row) => row.id === dictionaryId);
    const shared = answer.body.data.find((row) => row.id === sharedId);
    expect(ours?.shared).toBe(false);
    expect(shared?.shared).toBe(true);
    expect(answer.body.data.every((row) => row.site_id === alphaId || row.site_id === null)).toBe(true);
    expect(answer.body.total).toBe(answer.body.data.length);
  });

  it('narrows the list by search text', async () => {
    const answer = await callApi<Page>(
      `/api/admin/library/spintax_dictionaries?site_id=${alphaId}&q=${encodeURIComponent(category)}`,
      { token: editorToken('alpha.localhost') },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.data.map((row) => row.id)).toEqual([dictionaryId]);
    expect(answer.body.total).toBe(1);
  });

  it('refuses an editor’s change to a shared-library row (Directus’s policy decides), leaving it as it was', async () => {
    const answer = await callApi<Issues>(
      `/api/admin/library/spintax_dictionaries/${sharedId}?site_id=${alphaId}`,
      { method: 'PATCH', token: editorToken('alpha.localhost'), json: { terms: ['hijacked'] } },
    );
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('FORBIDDEN');
    const removal = await callApi(`/api/admin/library/spintax_dictionaries/${sharedId}?site_id=${betaId}`, {
      method: 'DELETE',
      token: editorToken('beta.localhost'),
    });
    expect(removal.status).toBe(403);
    expect(await termsOf(sharedId)).toEqual(['one shared term']);
  });

  it('lets an administrator change a shared-library row', async () => {
    const answer = await callApi<{ data: Row }>(
      `/api/admin/library/spintax_dictionaries/${sharedId}?site_id=${alphaId}`,
      { method: 'PATCH', token: adminToken(), json: { terms: ['one shared term', 'another'] } },
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.data.shared).toBe(true);
    expect(await termsOf(sharedId)).toEqual(['one shared term', 'another']);
  });

  it('deletes the editor’s own row', async () => {
    const answer = await callApi(
      `/api/admin/library/spintax_dictionaries/${dictionaryId}?site_id=${alphaId}`,
      {
        method: 'DELETE',
        token: editorToken('alpha.localhost'),
      },
    );
    expect(answer.status).toBe(200);
    expect(await termsOf(dictionaryId)).toBeUndefined();
  });
});

describe('bad library input', SLOW_MACHINE, () => {
  const alpha = () => editorToken('alpha.localhost');
  const countRows = async () =>
    Number((await pool.query('select count(*) as n from spintax_dictionaries')).rows[0]?.n ?? 0);

  it.each([
    ['a category that is no variable name', { category: '9 lives', terms: ['x'] }, 'category'],
    ['terms that are not a list', { category: `${category}_B`, terms: 'x' }, 'terms'],
    [
      'a field the collection has not',
      { category: `${category}_C`, terms: ['x'], site_id: betaId },
      '(root)',
    ],
  ])('answers 422 naming the field for %s, and stores nothing', async (_name, json, field) => {
    const before = await countRows();
    const answer = await callApi<Issues>(`/api/admin/library/spintax_dictionaries?site_id=${alphaId}`, {
      method: 'POST',
      token: alpha(),
      json,
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(answer.body.error.details?.issues?.map((issue) => issue.path)).toContain(field);
    expect(await countRows()).toBe(before);
  });

  it('answers 404 for a collection that is not part of the library', async () => {
    const answer = await callApi(`/api/admin/library/directus_users?site_id=${alphaId}`, { token: alpha() });
    expect(answer.status).toBe(404);
    expect(isErrorEnvelope(answer.body)).toBe(true);
  });

  it('passes Directus’s own refusal on in the envelope with the field: a link target’s URL twice', async () => {
    const url = `/library-test-${stamp}`;
    const first = await callApi(`/api/admin/library/link_targets?site_id=${alphaId}`, {
      method: 'POST',
      token: alpha(),
      json: { url, anchor_texts: ['our guide'], keywords: ['guide'], priority: 5 },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await callApi<Issues>(`/api/admin/library/link_targets?site_id=${alphaId}`, {
      method: 'POST',
      token: alpha(),
      json: { url, anchor_texts: ['again'] },
    });
    expect(second.status, JSON.stringify(second.body)).toBe(409);
    expect(second.body.error.code).toBe('CONFLICT');
    expect(second.body.error.details?.issues?.[0]?.path).toMatch(/url|site_id/);
  });
});

describe('fragments and templates', SLOW_MACHINE, () => {
  it('gives each fragment a spun sample with the site’s dictionaries', async () => {
    const answer = await callApi<Page>(`/api/admin/library/content_fragments?site_id=${alphaId}&limit=5`, {
      token: editorToken('alpha.localhost'),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data.length).toBeGreaterThan(0);
    for (const row of answer.body.data) {
      expect(typeof row.sample).toBe('string');
      expect(row.sample).not.toMatch(/\{[^}]*\|/); // no choice group is left unspun
    }
  });

  it('counts, per template slot in order, the fragments the site can use', async () => {
    const answer = await callApi<Page>(`/api/admin/library/article_templates?site_id=${alphaId}`, {
      token: editorToken('alpha.localhost'),
    });
    expect(answer.status).toBe(200);
    const template = answer.body.data[0];
    const coverage = template?.coverage as { fragment_type: string; fragments: number; filled_by: string }[];
    expect(coverage.map((slot) => slot.fragment_type)).toEqual(template?.fragment_types);
    for (const slot of coverage) {
      // The offer slot is filled from the offer blocks, every other slot from fragments of its type.
      const { rows } =
        slot.fragment_type === 'offer'
          ? await pool.query<{ n: number }>(
              'select count(*)::int as n from offer_blocks where site_id = $1 or site_id is null',
              [alphaId],
            )
          : await pool.query<{ n: number }>(
              `select count(*)::int as n from content_fragments
               where (site_id = $1 or site_id is null) and fragment_type = $2`,
              [alphaId, slot.fragment_type],
            );
      expect(slot.fragments).toBe(rows[0]?.n);
      expect(slot.filled_by).toBe(slot.fragment_type === 'offer' ? 'offer_blocks' : 'content_fragments');
    }
    expect(coverage.some((slot) => slot.fragment_type === 'offer' && slot.fragments > 0)).toBe(true);
  });
});

describe('GET /api/admin/locations', SLOW_MACHINE, () => {
  type Locations = { level: string; data: Row[]; total: number };
  const browse = (query: string) =>
    callApi<Locations>(`/api/admin/locations?site_id=${alphaId}&${query}`, {
      token: editorToken('alpha.localhost'),
    });

  it('walks state → county → city with populations and coordinates', async () => {
    const states = await browse('limit=100');
    expect(states.status).toBe(200);
    expect(states.body.level).toBe('state');
    const texas = states.body.data.find((row) => row.state_code === 'TX');
    expect(texas).toBeDefined();
    const counties = await browse(`state_id=${texas?.id}&limit=200`);
    expect(counties.body.level).toBe('county');
    const county = counties.body.data.find((row) => Number(row.cities) > 0);
    const cities = await browse(`county_id=${county?.id}`);
    expect(cities.body.level).toBe('city');
    expect(cities.body.total).toBe(county?.cities);
    expect(cities.body.data[0]).toMatchObject({ state_code: 'TX', county: county?.name });
    expect(typeof cities.body.data[0]?.lat).toBe('number');
  });

  it('searches cities by name prefix, biggest first, with a total for paging', async () => {
    const first = await browse('q=san&limit=2');
    expect(first.status).toBe(200);
    expect(first.body.data.length).toBe(2);
    expect(first.body.data.every((row) => String(row.name).toLowerCase().startsWith('san'))).toBe(true);
    const populations = first.body.data.map((row) => Number(row.population ?? 0));
    expect(populations[0]).toBeGreaterThanOrEqual(populations[1] ?? 0);
    const { rows } = await pool.query<{ n: number }>(
      "select count(*)::int as n from geo_cities where lower(name) like 'san%'",
    );
    expect(first.body.total).toBe(rows[0]?.n);
    const second = await browse('q=san&limit=2&page=2');
    expect(second.body.data.map((row) => row.id)).not.toContain(first.body.data[0]?.id);
  });

  it('answers 4xx naming the field for a bad page size', async () => {
    const answer = await callApi<Issues>(`/api/admin/locations?site_id=${alphaId}&limit=0`, {
      token: editorToken('alpha.localhost'),
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.details?.issues?.[0]?.path).toBe('limit');
  });
});
