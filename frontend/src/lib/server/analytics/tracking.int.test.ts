import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRaw } from '../../../testing/http.js';
import {
  BROWSER_UA,
  countRows,
  createTestSite,
  dropTestSite,
  eventually,
  frontendUrl,
  post,
  type TestSite,
  testPool,
} from './testing.js';

describe('tracking endpoints', { timeout: 40_000 }, () => {
  let site: TestSite;
  let page: string;
  beforeAll(async () => {
    site = await createTestSite();
    page = `http://${site.domain}/roofs`;
  }, 40_000);
  afterAll(async () => dropTestSite(site));

  it('accept a pageview (sent as text/plain, like sendBeacon) and ingest it with server-derived fields', async () => {
    const response = await post(
      site.domain,
      '/api/track/pageview',
      { url: `${page}?utm_source=news&utm_medium=email#top`, referrer: 'https://www.google.com/search?q=x' },
      { 'content-type': 'text/plain;charset=UTF-8' },
    );
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: true });
    await eventually(
      () => countRows('pageviews', site.id),
      (n) => n === 1,
    );
    const { rows } = await testPool().query('select * from pageviews where site_id = $1', [site.id]);
    const row = rows[0] as Record<string, unknown>;
    expect(row).toMatchObject({
      url: `${page}?utm_source=news&utm_medium=email`,
      path: '/roofs',
      referrer_host: 'google.com',
      utm_source: 'news',
      utm_medium: 'email',
      device: 'desktop',
      browser: 'Chrome',
      os: 'Windows',
    });
    expect(row.visitor_hash).toMatch(/^[0-9a-f]{32}$/);
    expect(row.session_id).toEqual(expect.any(String));
    // No raw IP anywhere in the stored row.
    expect(JSON.stringify(row)).not.toMatch(/127\.0\.0\.1|::1/);
  });

  it('keep one session for the same visitor and give another agent another visitor', async () => {
    const other = BROWSER_UA.replace('Chrome/126', 'Chrome/125');
    for (const ua of [BROWSER_UA, BROWSER_UA, other]) {
      expect(
        (await post(site.domain, '/api/track/pageview', { url: `${page}/s` }, { 'user-agent': ua })).status,
      ).toBe(202);
    }
    const rows = await eventually(
      async () =>
        (
          await testPool().query<{ visitor_hash: string; session_id: string }>(
            `select visitor_hash, session_id from pageviews where site_id = $1 and path = '/roofs/s' order by occurred_at`,
            [site.id],
          )
        ).rows,
      (r) => r.length === 3,
    );
    expect(rows[0]?.session_id).toBe(rows[1]?.session_id);
    expect(rows[0]?.visitor_hash).toBe(rows[1]?.visitor_hash);
    expect(rows[2]?.visitor_hash).not.toBe(rows[0]?.visitor_hash);
  });

  it('record events and conversions', async () => {
    await post(site.domain, '/api/track/event', {
      url: page,
      name: 'cta_click',
      props: { plan: 'pro', n: 2 },
    });
    await post(site.domain, '/api/track/conversion', {
      url: page,
      type: 'purchase',
      value: 49.5,
      currency: 'USD',
    });
    await eventually(
      () => countRows('events', site.id),
      (n) => n === 1,
    );
    await eventually(
      () => countRows('conversions', site.id),
      (n) => n === 1,
    );
    const event = await testPool().query('select name, props from events where site_id = $1', [site.id]);
    expect(event.rows).toEqual([{ name: 'cta_click', props: { plan: 'pro', n: 2 } }]);
    const conversion = await testPool().query(
      'select type, value, currency from conversions where site_id = $1',
      [site.id],
    );
    expect(conversion.rows).toEqual([{ type: 'purchase', value: '49.50', currency: 'USD' }]);
  });

  it.each([
    ['no user agent', { 'user-agent': '' }, 'missing_user_agent'],
    [
      'a crawler',
      { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
      'bot_user_agent',
    ],
    [
      'a headless browser',
      { 'user-agent': BROWSER_UA.replace('Chrome/', 'HeadlessChrome/') },
      'headless_browser',
    ],
  ])('drop %s with a reason code and store nothing', async (_label, headers, reason) => {
    const response = await post(site.domain, '/api/track/pageview', { url: `${page}/bot` }, headers);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: false, reason });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const { rows } = await testPool().query(
      `select 1 from pageviews where site_id = $1 and path = '/roofs/bot'`,
      [site.id],
    );
    expect(rows).toHaveLength(0);
  });

  it.each([
    ['a page of another site', { url: 'http://beta.localhost/' }, 422],
    [
      'too many props',
      { url: 'x', name: 'n', props: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`p${i}`, i])) },
      422,
    ],
    ['a formula-like event name', { url: 'x', name: '=cmd()' }, 422],
  ])('reject %s with a 4xx envelope', async (_label, body, status) => {
    const path = 'name' in body ? '/api/track/event' : '/api/track/pageview';
    const response = await post(site.domain, path, body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });

  it("allow CORS from the site's own domains only", async () => {
    const own = await post(
      site.domain,
      '/api/track/pageview',
      { url: page },
      { origin: `http://${site.domain}:4321` },
    );
    expect(own.headers.get('access-control-allow-origin')).toBe(`http://${site.domain}:4321`);
    const foreign = await post(
      site.domain,
      '/api/track/pageview',
      { url: page },
      { origin: 'http://evil.example' },
    );
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('Do-Not-Track', { timeout: 40_000 }, () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite({ settings: { analytics: { respect_dnt: true } } });
  }, 40_000);
  afterAll(async () => dropTestSite(site));

  it('drops DNT and GPC visitors on a site that honours them', async () => {
    for (const signal of [{ dnt: '1' }, { 'sec-gpc': '1' }] as Record<string, string>[]) {
      const response = await post(
        site.domain,
        '/api/track/pageview',
        { url: `http://${site.domain}/` },
        signal,
      );
      expect(await response.json()).toEqual({ accepted: false, reason: 'do_not_track' });
    }
  });
});

/** Raw bytes as sent on the wire (fetch would decode them). */
const rawGet = (path: string, headers: Record<string, string>) =>
  sendRaw(new URL(path, frontendUrl), { headers: { host: 'alpha.localhost', ...headers } });

describe('GET /js/site.js', { timeout: 40_000 }, () => {
  it('serves the tracker from the tenant host under 1 KB gzipped, cacheable, without cookies', async () => {
    const response = await rawGet('/js/site.js', { 'accept-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.body.byteLength).toBeLessThan(1024);
    expect(gunzipSync(response.body).toString()).toContain('sendBeacon');
    const again = await rawGet('/js/site.js', {
      'accept-encoding': 'gzip',
      'if-none-match': String(response.headers.etag),
    });
    expect(again.status).toBe(304);
  });
});
