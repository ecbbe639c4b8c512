import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, callApi } from '../../../testing/http.js';
import {
  countRows,
  createTestSite,
  dropTestSite,
  post,
  type TestSite,
  testPool,
} from '../analytics/testing.js';
import { issueFormToken } from './form-token.js';

/** A browser without JavaScript posting the form block: form-encoded, with the hidden fields the server rendered. */
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };

describe('plain HTML form posts (no JavaScript)', { timeout: 40_000 }, () => {
  let site: TestSite;
  const formBody = (overrides: Record<string, string> = {}) =>
    new URLSearchParams({
      form: 'quote',
      form_token: issueFormToken(site.id, 'quote', Date.now() - 10_000),
      full_name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '',
      service: 'Repair',
      company_website: '',
      ...overrides,
    }).toString();
  const counts = async () => ({
    leads: await countRows('leads', site.id),
    conversions: await countRows('conversions', site.id),
  });

  beforeAll(async () => {
    site = await createTestSite();
  }, 40_000);
  afterAll(async () => dropTestSite(site));

  it('stores the lead and answers 303 to the thank-you path, keeping typed data out of URLs', async () => {
    const response = await post(site.domain, '/api/forms/submit', formBody(), {
      ...FORM_TYPE,
      origin: `http://${site.domain}`,
      referer: `http://${site.domain}/contact?utm_source=news&email=leak%40example.com`,
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/thanks');
    const { rows } = await testPool().query(
      `select l.status, l.email, l.page_url, l.utm_source, c.url as conversion_url
       from leads l join conversions c on c.lead_id = l.id where l.site_id = $1`,
      [site.id],
    );
    expect(rows).toEqual([
      {
        status: 'new',
        email: 'ada@example.com',
        page_url: `http://${site.domain}/contact?utm_source=news`,
        utm_source: 'news',
        conversion_url: `http://${site.domain}/contact?utm_source=news`,
      },
    ]);
  });

  it('takes multipart bodies too', async () => {
    const before = await counts();
    const boundary = 'sparkboundary42';
    const parts = Object.entries(
      Object.fromEntries(new URLSearchParams(formBody({ email: 'multi@example.com' }))),
    )
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      )
      .join('');
    const response = await post(site.domain, '/api/forms/submit', `${parts}--${boundary}--\r\n`, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(response.status).toBe(303);
    expect(await counts()).toEqual({ leads: before.leads + 1, conversions: before.conversions + 1 });
  });

  it('answers invalid input with a readable 422 page and writes nothing', async () => {
    const before = await counts();
    const response = await post(site.domain, '/api/forms/submit', formBody({ email: 'not-an-email' }), {
      ...FORM_TYPE,
      referer: `http://${site.domain}/contact`,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('location')).toBeNull();
    const html = await response.text();
    expect(html).toContain('<strong>email</strong>');
    expect(html).toContain('href="/contact"');
    expect(html).not.toContain('not-an-email');
    expect(await counts()).toEqual(before);
  });

  it('keeps a post made faster than a person could fill the form, as spam without a conversion', async () => {
    const before = await counts();
    const response = await post(
      site.domain,
      '/api/forms/submit',
      formBody({ email: 'fast@example.com', form_token: issueFormToken(site.id, 'quote', Date.now() - 500) }),
      FORM_TYPE,
    );
    expect(response.status).toBe(303);
    expect(await counts()).toEqual({ leads: before.leads + 1, conversions: before.conversions });
    const { rows } = await testPool().query('select status, spam_reason from leads where email = $1', [
      'fast@example.com',
    ]);
    expect(rows).toEqual([{ status: 'spam', spam_reason: 'too_fast' }]);
    const csv = (query: string) =>
      callApi<string>(`/api/admin/leads.csv?site_id=${site.id}${query}`, { token: adminToken() });
    expect((await csv('')).body).not.toContain('fast@example.com');
    expect((await csv('&status=spam')).body).toContain('fast@example.com');
  });

  it("refuses a form post from another site's page and writes nothing", async () => {
    const before = await counts();
    const response = await post(site.domain, '/api/forms/submit', formBody(), {
      ...FORM_TYPE,
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('sends a contact lead without a form of its own to the generic confirmation page', async () => {
    const response = await post(
      site.domain,
      '/api/lead',
      new URLSearchParams({
        form_token: issueFormToken(site.id, '', Date.now() - 10_000),
        email: 'contact@example.com',
        message: 'Call me',
      }).toString(),
      FORM_TYPE,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/form-sent');
    const { rows } = await testPool().query('select status from leads where email = $1 and site_id = $2', [
      'contact@example.com',
      site.id,
    ]);
    expect(rows).toEqual([{ status: 'new' }]);
  });
});
