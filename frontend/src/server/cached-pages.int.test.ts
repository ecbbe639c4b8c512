import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bumpSiteContent } from '@spark/jobs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceContentChange, testPool } from '../lib/server/content/content-change.testing.js';
import { eventually } from '../lib/server/eventually.testing.js';
import { getSite, type SiteAnswer, tenantHost } from '../lib/server/http-cache/site-client.testing.js';

/**
 * A page-cache hit is answered by the node:http entry without entering Astro (its request log line says
 * `answeredBy: page-cache`), with exactly the headers and bytes the middleware sent when it rendered the page,
 * and every change the middleware's cache honours (a publish, a theme change) is seen through it too. The site
 * is the test's own, so no other suite's changes touch its cache.
 */
const pool = testPool();
const redis = new Redis(process.env.REDIS_URL ?? '', { maxRetriesPerRequest: 1 });
const stamp = Date.now().toString(36);
const domain = `lean-${stamp}.localhost`;
const slugOf = (n: number) => `lean-guide-${stamp}-${n}`;
let siteId = '';

const get = (path: string, headers: Record<string, string> = {}) =>
  getSite(tenantHost(domain), path, headers);

/** Headers that belong to the exchange, not to the page: they differ between any two answers. */
const PER_EXCHANGE = new Set(['date', 'x-request-id', 'x-cache', 'connection', 'keep-alive']);
const pageHeaders = (answer: SiteAnswer) =>
  Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !PER_EXCHANGE.has(name)));

/** The JSON request line the frontend wrote for a request id (pino writes asynchronously: polled). */
async function requestLine(requestId: string | undefined): Promise<Record<string, unknown> | undefined> {
  const file = join(process.env.SPARK_LOG_DIR ?? '', 'frontend.log');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const line = readFileSync(file, 'utf8')
      .split('\n')
      .filter((text) => text.includes(`"${requestId}"`))
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((parsed) => parsed.reqId === requestId && parsed.msg === 'request');
    if (line || Date.now() > deadline) return line;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The answer of a page once it is cached: rendered first if it is not. */
async function cachedAnswer(path: string, headers: Record<string, string> = {}): Promise<SiteAnswer> {
  return eventually(
    () => get(path, headers),
    (answer) => answer.headers['x-cache'] === 'HIT',
  );
}

async function insertArticles(slugs: readonly string[]): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into generated_articles (site_id, title, slug, html_content, status, published_at, generation_key)
     select $1, 'Lean guide ' || s, s, '<p>Local advice.</p>', 'published', now() - interval '1 minute',
            'test:lean:' || s
     from unnest($2::text[]) as s
     returning id`,
    [siteId, slugs],
  );
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  const { rows } = await pool.query<{ id: string }>(
    `insert into sites (name, domain) values ('Lean Co', $1) returning id`,
    [domain],
  );
  siteId = rows[0]?.id ?? '';
  await pool.query(
    `insert into globals (site_id, name, colors, allowed_script_sources)
     values ($1, 'Lean Co', '{"primary": "#2563EB"}', '{https://cdn.lean.example}')`,
    [siteId],
  );
  await insertArticles([0, 1, 2, 3].map(slugOf));
});

afterAll(async () => {
  await pool.query('delete from generated_articles where site_id = $1', [siteId]);
  await pool.query('delete from sites where id = $1', [siteId]);
  await pool.end();
  redis.disconnect();
});

describe('cached pages through the node:http entry', { timeout: 120_000 }, () => {
  it('answers a hit outside Astro with the headers and bytes of the rendered miss, in every encoding', async () => {
    const encodings = [undefined, 'gzip', 'br'] as const;
    for (const [n, encoding] of encodings.entries()) {
      const headers: Record<string, string> = encoding ? { 'accept-encoding': encoding } : {};
      const path = `/${slugOf(n)}`;
      const miss = await get(path, headers);
      expect(miss.status).toBe(200);
      expect(miss.headers['x-cache']).toBe('MISS');
      const hit = await get(path, headers);
      expect(hit.headers['x-cache']).toBe('HIT');
      expect(pageHeaders(hit)).toEqual(pageHeaders(miss));
      expect(hit.body.equals(miss.body)).toBe(true);
      expect(hit.headers['content-encoding']).toBe(encoding);
      expect(hit.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(hit.headers['cache-control']).toBe('public, s-maxage=60, stale-while-revalidate=600');
      expect(hit.headers['content-security-policy']).toContain('https://cdn.lean.example');
      expect(hit.headers['x-content-type-options']).toBe('nosniff');
      expect(hit.headers['x-request-id']).not.toBe(miss.headers['x-request-id']);
      expect(await requestLine(hit.headers['x-request-id'])).toMatchObject({
        answeredBy: 'page-cache',
        status: 200,
        route: '/[path]',
      });
      expect(await requestLine(miss.headers['x-request-id'])).not.toHaveProperty('answeredBy');
    }
  });

  it('answers If-None-Match with a 304 from the node:http entry', async () => {
    const path = `/${slugOf(3)}`;
    const page = await cachedAnswer(path, { 'accept-encoding': 'br' });
    const etag = page.headers.etag ?? '';
    const revalidated = await get(path, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(revalidated.headers.etag).toBe(etag);
    expect(revalidated.headers['x-cache']).toBe('HIT');
    expect(await requestLine(revalidated.headers['x-request-id'])).toMatchObject({
      answeredBy: 'page-cache',
      status: 304,
    });
    expect((await get(path, { 'accept-encoding': 'br', 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('leaves requests it must not answer to Astro', async () => {
    const path = `/${slugOf(0)}`;
    await cachedAnswer(path);
    const dotted = await get(`${path}/.`);
    expect(await requestLine(dotted.headers['x-request-id'])).not.toHaveProperty('answeredBy');
    const unknown = await getSite(tenantHost(`nobody-${stamp}.localhost`), path);
    expect(unknown.status).toBe(404);
    expect(await requestLine(unknown.headers['x-request-id'])).not.toHaveProperty('answeredBy');
  });

  it('serves a publish and a theme change through the node:http entry once they happened', async () => {
    const listing = '/sitemap-articles-1.xml';
    const page = `/${slugOf(1)}`;
    expect((await cachedAnswer(listing)).text).not.toContain(slugOf(9));
    await cachedAnswer(page);

    const [publishedId = ''] = await insertArticles([slugOf(9)]);
    await bumpSiteContent(redis, new Map([[siteId, [publishedId]]]), undefined, pool);
    await eventually(
      () => get(listing),
      (answer) => answer.text.includes(slugOf(9)),
    );
    const listed = await cachedAnswer(listing);
    expect(listed.text).toContain(`/${slugOf(9)}`);
    expect(await requestLine(listed.headers['x-request-id'])).toMatchObject({ answeredBy: 'page-cache' });

    await pool.query(
      `update globals set name = 'Lean Co Renamed', colors = '{"primary": "#123456"}',
         allowed_script_sources = '{https://cdn2.lean.example}' where site_id = $1`,
      [siteId],
    );
    await announceContentChange(siteId, 'globals');
    await eventually(
      () => get(page),
      (answer) => answer.text.includes('Lean Co Renamed'),
    );
    const rethemed = await cachedAnswer(page);
    expect(rethemed.text).toContain('Lean Co Renamed');
    expect(rethemed.text).toContain('--color-primary: 18 52 86');
    expect(rethemed.headers['content-security-policy']).toContain('https://cdn2.lean.example');
    expect(rethemed.headers['content-security-policy']).not.toContain('https://cdn.lean.example');
    expect(await requestLine(rethemed.headers['x-request-id'])).toMatchObject({ answeredBy: 'page-cache' });
  });
});
