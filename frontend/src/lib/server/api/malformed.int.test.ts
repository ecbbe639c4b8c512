import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, callApi, isErrorEnvelope, sendRaw } from '../../../testing/http.js';
import { createCampaign, type TenantLibrary, tenantLibrary } from '../factory/testing/factory-api.js';

/**
 * The malformed-input corpus on the public doors and the factory routes: NUL characters, malformed Host and
 * forwarding headers, spintax nested thousands deep. Each must be a 4xx in the error envelope and write nothing.
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
const ALPHA = 'alpha.localhost';
const deepSpintax = (depth: number) => `{Best|${'{a|'.repeat(depth)}z${'}'.repeat(depth)}} {Niche} in {City}`;
const validLead = {
  form: 'free-estimate',
  fields: {
    full_name: 'Nul Tester',
    email: 'nul@example.com',
    phone: '+1 512 555 0100',
    service: 'Inspection',
  },
  elapsed_ms: 8000,
  honeypot: '',
};

let alpha: TenantLibrary;
let campaignId = '';
beforeAll(async () => {
  alpha = await tenantLibrary(pool, ALPHA);
  campaignId = (await createCampaign(alpha)).id;
});
afterAll(async () => {
  await pool.query('delete from campaign_masters where id = $1', [campaignId]);
  await pool.end();
});

/** What alpha holds that any of these requests could have written to (a digest, so an update shows too). */
async function rowCounts(): Promise<string> {
  const { rows } = await pool.query(
    `select (select count(*) from leads where site_id = $1) as leads,
            (select count(*) from form_submissions where site_id = $1) as submissions,
            (select count(*) from headline_inventory where site_id = $1) as headlines,
            (select md5(coalesce(string_agg(c::text, ',' order by c.id), '')) from campaign_masters c
             where c.site_id = $1) as campaigns,
            (select count(*) from work_log where site_id = $1) as log`,
    [alpha.siteId],
  );
  return JSON.stringify(rows[0]);
}

/** Raw node:http without a Host of Node's own, so a header can hold what fetch and callApi would refuse or rewrite. */
async function rawRequest(method: string, path: string, headers: Record<string, string>, body?: string) {
  const answer = await sendRaw(new URL(path, process.env.FRONTEND_URL), {
    method,
    headers,
    setHost: false,
    ...(body === undefined ? {} : { body }),
  });
  return {
    status: answer.status,
    type: String(answer.headers['content-type'] ?? ''),
    text: answer.body.toString('utf8'),
  };
}

async function expectRejectedWithoutWrites(answer: () => Promise<{ status: number; body: unknown }>) {
  const before = await rowCounts();
  const { status, body } = await answer();
  expect(status, JSON.stringify(body).slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
  expect(isErrorEnvelope(body)).toBe(true);
  expect(await rowCounts()).toBe(before);
}

describe('NUL characters', () => {
  const publicCases: [string, string, unknown][] = [
    [
      'in a lead field value',
      '/api/lead',
      { ...validLead, fields: { ...validLead.fields, full_name: 'A\u0000B' } },
    ],
    [
      'in a lead field name',
      '/api/forms/submit',
      { ...validLead, fields: { ...validLead.fields, 'x\u0000': 'y' } },
    ],
    ['in the consent text', '/api/lead', { ...validLead, consent: true, consent_text: 'I agree\u0000' }],
    ['in a tracked page URL', '/api/track/pageview', { url: 'http://alpha.localhost/\u0000' }],
    ['in a tracked event name', '/api/track/event', { url: 'http://alpha.localhost/', name: 'cta\u0000' }],
  ];
  for (const [name, path, json] of publicCases) {
    it(`are refused on the public doors with a 4xx and nothing written: ${name}`, async () => {
      await expectRejectedWithoutWrites(() => callApi(path, { method: 'POST', host: ALPHA, json }));
    });
  }

  const adminCases: [string, string, string, unknown][] = [
    [
      'in a new campaign name',
      'POST',
      '/api/campaigns',
      { site_id: '', name: 'Evil\u0000', headline_spintax_root: 'x' },
    ],
    ['in a patched campaign name', 'PATCH', '/api/campaigns/:id', { name: 'Evil\u0000' }],
    ['in the spintax root', 'PATCH', '/api/campaigns/:id', { headline_spintax_root: '{a|b\u0000}' }],
    ['in a niche variable', 'PATCH', '/api/campaigns/:id', { niche_variables: { Niche: 'Roof\u0000' } }],
    ['in a query value', 'GET', '/api/admin/worklog?action=%00', undefined],
  ];
  for (const [name, method, path, json] of adminCases) {
    it(`are refused on the admin API with a 4xx and nothing written: ${name}`, async () => {
      const body =
        json && typeof json === 'object' && 'site_id' in json ? { ...json, site_id: alpha.siteId } : json;
      await expectRejectedWithoutWrites(() =>
        callApi(path.replace(':id', campaignId), { method, token: adminToken(), json: body }),
      );
    });
  }
});

describe('malformed Host and forwarding headers', () => {
  const cases: [string, Record<string, string>][] = [
    ['Host with a port past 65535', { host: 'alpha.localhost:99999' }],
    ['Host with a space', { host: 'alpha localhost' }],
    ['Host with a non-numeric port', { host: 'alpha.localhost:abc' }],
    ['Host as an unclosed IPv6 literal', { host: '[::1' }],
    ['X-Forwarded-Host with a space', { host: ALPHA, 'x-forwarded-host': 'evil host' }],
    ['X-Forwarded-Host with a path', { host: ALPHA, 'x-forwarded-host': 'evil.example/x' }],
    ['X-Forwarded-Proto not http(s)', { host: ALPHA, 'x-forwarded-proto': 'javascript' }],
    ['X-Forwarded-Proto with a colon', { host: ALPHA, 'x-forwarded-proto': 'http:' }],
    ['X-Forwarded-Port not a number', { host: ALPHA, 'x-forwarded-port': 'eighty' }],
    ['X-Forwarded-Port past 65535', { host: ALPHA, 'x-forwarded-port': '70000' }],
  ];
  for (const [name, headers] of cases) {
    it(`answer a page request with 400 in the envelope: ${name}`, async () => {
      const answer = await rawRequest('GET', '/', headers);
      expect(answer.status, answer.text.slice(0, 200)).toBe(400);
      expect(answer.type).toContain('application/json');
      expect(isErrorEnvelope(JSON.parse(answer.text))).toBe(true);
    });

    it(`answer a valid lead with 400 and store nothing: ${name}`, async () => {
      await expectRejectedWithoutWrites(async () => {
        const answer = await rawRequest(
          'POST',
          '/api/lead',
          { ...headers, 'content-type': 'application/json' },
          JSON.stringify(validLead),
        );
        return { status: answer.status, body: JSON.parse(answer.text) as unknown };
      });
    });
  }

  it('ignore well-formed forwarding headers from a peer that is not a trusted proxy', async () => {
    const answer = await rawRequest('GET', '/', {
      host: ALPHA,
      'x-forwarded-host': 'beta.localhost',
      'x-forwarded-proto': 'https',
      'x-forwarded-port': '8443',
    });
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain('beta.localhost');
    expect(answer.text).not.toContain(':8443');
  });
});

describe('spintax nested thousands deep', () => {
  for (const depth of [2000, 3000]) {
    it(`is a 422 naming line and column when a campaign is created with it (${depth} deep)`, async () => {
      await expectRejectedWithoutWrites(async () => {
        const answer = await callApi<{ error: { message: string } }>('/api/campaigns', {
          method: 'POST',
          token: adminToken(),
          json: { site_id: alpha.siteId, name: 'Deep', headline_spintax_root: deepSpintax(depth) },
        });
        expect(answer.body.error.message).toMatch(/nested more than 100 deep.*\(line 1, column \d+\)/);
        return answer;
      });
    });

    it(`is a 422 when a campaign is patched with it (${depth} deep)`, async () => {
      await expectRejectedWithoutWrites(() =>
        callApi(`/api/campaigns/${campaignId}`, {
          method: 'PATCH',
          token: adminToken(),
          json: { headline_spintax_root: deepSpintax(depth) },
        }),
      );
    });
  }

  it('is a 4xx from generate-headlines when it was saved around the API (as through Directus)', async () => {
    const { rows } = await pool.query<{ id: string }>(
      `insert into campaign_masters (site_id, name, headline_spintax_root, niche_variables)
       values ($1, 'Deep via Directus', $2, '{"Niche":"Roofing"}') returning id`,
      [alpha.siteId, deepSpintax(3000)],
    );
    const deepId = rows[0]?.id as string;
    try {
      for (const preview of [true, false]) {
        await expectRejectedWithoutWrites(() =>
          callApi('/api/seo/generate-headlines', {
            method: 'POST',
            token: adminToken(),
            json: { campaign_id: deepId, preview },
          }),
        );
      }
    } finally {
      await pool.query('delete from campaign_masters where id = $1', [deepId]);
    }
  });
});
