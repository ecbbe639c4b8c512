import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countRows,
  createTestSite,
  dropTestSite,
  post,
  type TestSite,
  testPool,
} from '../analytics/testing.js';

const humanPaced = { elapsed_ms: 8000, honeypot: '' };
const validFields = { full_name: 'Ada Lovelace', email: 'ada@example.com', service: 'Repair' };

async function tableCounts(siteId: string) {
  return {
    leads: await countRows('leads', siteId),
    submissions: await countRows('form_submissions', siteId),
    conversions: await countRows('conversions', siteId),
  };
}

describe('POST /api/lead on a demo tenant', { timeout: 40_000 }, () => {
  it("lands with the Host's site id even when the body claims another site's", async () => {
    const { rows } = await testPool().query<{ id: string; domain: string }>(
      `select id, domain from sites where domain in ('alpha.localhost', 'beta.localhost')`,
    );
    const alpha = rows.find((r) => r.domain === 'alpha.localhost')?.id;
    const beta = rows.find((r) => r.domain === 'beta.localhost')?.id;
    const email = `claim-${Date.now()}@example.com`;
    const response = await post('alpha.localhost', '/api/lead', {
      form: 'free-estimate',
      site_id: beta,
      fields: { full_name: 'Grace', email, phone: '+1 512 555 0100', service: 'Inspection' },
      ...humanPaced,
    });
    expect(response.status).toBe(200);
    const stored = await testPool().query<{ site_id: string }>('select site_id from leads where email = $1', [
      email,
    ]);
    expect(stored.rows.map((r) => r.site_id)).toEqual([alpha]);
  });
});

describe('lead capture', { timeout: 40_000 }, () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite();
  }, 40_000);
  afterAll(async () => dropTestSite(site));

  it('stores lead, submission and lead conversion together, with consent, UTM tags and click ids', async () => {
    const response = await post(site.domain, '/api/forms/submit', {
      form: 'quote',
      fields: { ...validFields, phone: '' },
      consent: true,
      consent_text: 'You may call me about my request.',
      page_url: `http://${site.domain}/roofing?utm_source=google&utm_campaign=spring&gclid=abc123`,
      utm_medium: 'cpc',
      ...humanPaced,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      message: 'Thanks, we will call you.',
      redirect_url: '/thanks',
    });
    const { rows } = await testPool().query(
      `select l.email, l.name, l.phone, l.data, l.consent, l.consent_text, l.utm_source, l.utm_medium, l.utm_campaign,
              l.gclid, s.payload, s.webhook_status, c.type, c.path, c.utm_source as conversion_source
       from leads l join form_submissions s on s.lead_id = l.id join conversions c on c.lead_id = l.id
       where l.site_id = $1`,
      [site.id],
    );
    expect(rows).toEqual([
      {
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        phone: null,
        data: { service: 'Repair' },
        consent: true,
        consent_text: 'You may call me about my request.',
        utm_source: 'google',
        utm_medium: 'cpc',
        utm_campaign: 'spring',
        gclid: 'abc123',
        payload: validFields,
        webhook_status: 'none',
        type: 'lead',
        path: '/roofing',
        conversion_source: 'google',
      },
    ]);
  });

  it.each([
    ['a malformed email', { form: 'quote', fields: { ...validFields, email: 'ada@' }, ...humanPaced }, 422],
    ['an unknown form', { form: 'nope', fields: validFields, ...humanPaced }, 404],
    [
      'a field the form does not define',
      { form: 'quote', fields: { ...validFields, x: '1' }, ...humanPaced },
      422,
    ],
    [
      'consent without its wording',
      { form: 'quote', fields: validFields, consent: true, ...humanPaced },
      422,
    ],
    [
      'an oversize body (> 16 KB)',
      { form: 'quote', fields: { ...validFields, full_name: 'x'.repeat(17_000) } },
      413,
    ],
  ])('rejects %s with a 4xx envelope and writes nothing', async (_label, body, status) => {
    const before = await tableCounts(site.id);
    const response = await post(site.domain, '/api/forms/submit', body);
    expect(response.status).toBe(status);
    const envelope = (await response.json()) as { error: { code: string; message: string } };
    expect(envelope.error.code).toMatch(/^[A-Z_]+$/);
    expect(await tableCounts(site.id)).toEqual(before);
  });

  it('names the invalid field so the form can highlight it', async () => {
    const response = await post(site.domain, '/api/forms/submit', {
      form: 'quote',
      fields: { ...validFields, email: 'nope' },
      ...humanPaced,
    });
    const envelope = (await response.json()) as { error: { details: { issues: { path: string }[] } } };
    expect(envelope.error.details.issues.map((issue) => issue.path)).toEqual(['fields.email']);
  });

  it('rejects the wrong content type with 415 and writes nothing', async () => {
    const before = await tableCounts(site.id);
    const response = await post(site.domain, '/api/lead', 'email,ada@example.com', {
      'content-type': 'text/csv',
    });
    expect(response.status).toBe(415);
    expect(await tableCounts(site.id)).toEqual(before);
  });

  it.each([
    ['a filled honeypot', { ...humanPaced, honeypot: 'http://spam.example' }, 'honeypot'],
    ['a submission faster than a person', { elapsed_ms: 400 }, 'too_fast'],
    ['a submission without fill time', {}, 'no_fill_time'],
    ['a forged form token', { form_token: 'lbq3c8w0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, 'forged_token'],
    ['invalid fields from a bot', { honeypot: 'x', fields: { email: 'nope', z: '1' } }, 'honeypot'],
  ])(
    'answers %s with the normal success and keeps it as spam, uncounted and without webhook',
    async (_label, signals, reason) => {
      const before = await tableCounts(site.id);
      const response = await post(site.domain, '/api/forms/submit', {
        form: 'quote',
        fields: validFields,
        ...signals,
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        ok: true,
        message: 'Thanks, we will call you.',
        redirect_url: '/thanks',
      });
      expect(await tableCounts(site.id)).toEqual({
        leads: before.leads + 1,
        submissions: before.submissions + 1,
        conversions: before.conversions,
      });
      const { rows } = await testPool().query(
        `select l.status, l.spam_reason, s.webhook_status from leads l join form_submissions s on s.lead_id = l.id
       where l.site_id = $1 order by l.date_created desc limit 1`,
        [site.id],
      );
      expect(rows).toEqual([{ status: 'spam', spam_reason: reason, webhook_status: 'none' }]);
    },
  );

  it('accepts a contact lead without a form through /api/lead', async () => {
    const response = await post(site.domain, '/api/lead', {
      fields: { email: 'contact@example.com', message: 'Call me' },
      ...humanPaced,
    });
    expect(response.status).toBe(200);
    const { rows } = await testPool().query(
      'select form_id, data from leads where email = $1 and site_id = $2',
      ['contact@example.com', site.id],
    );
    expect(rows).toEqual([{ form_id: null, data: { message: 'Call me' } }]);
  });
});

describe('lead rate limit', { timeout: 40_000 }, () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite();
  }, 40_000);
  afterAll(async () => dropTestSite(site));

  it('answers 429 with Retry-After once an IP spends its budget on a site', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 21; i++) {
      const response = await post(site.domain, '/api/lead', 'x', { 'content-type': 'text/csv' });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    expect(statuses.slice(0, 20).every((s) => s === 415)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
