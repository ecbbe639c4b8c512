import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type AnswerRequest, answerFor } from './cached-answer.js';
import { toRenderedEntry } from './rendered-entry.js';

const HTML = `<!doctype html><html><body>${'<p>Roof repair advice for homeowners.</p>'.repeat(80)}</body></html>`;
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'public, s-maxage=60, stale-while-revalidate=600',
  'content-security-policy': "script-src 'self'; object-src 'none'",
};
const get = (overrides: Partial<AnswerRequest> = {}): AnswerRequest => ({
  method: 'GET',
  acceptEncoding: null,
  ifNoneMatch: null,
  ...overrides,
});
const page = () => toRenderedEntry(new Response(HTML, { headers: PAGE_HEADERS }));
const headerOf = (headers: [string, string][], name: string) =>
  headers.filter(([key]) => key === name).map(([, value]) => value);

describe('the answer built from a rendered page', () => {
  it('carries the rendered headers, a validator, Vary and the cache outcome once each', async () => {
    const answer = await answerFor(await page(), get(), 'HIT');
    expect(answer.status).toBe(200);
    for (const [name, value] of Object.entries(PAGE_HEADERS))
      expect(headerOf(answer.headers, name)).toEqual([value]);
    expect(headerOf(answer.headers, 'etag')).toEqual([expect.stringMatching(/^"[\w-]{22}"$/)]);
    expect(headerOf(answer.headers, 'vary')).toEqual(['Accept-Encoding']);
    expect(headerOf(answer.headers, 'x-cache')).toEqual(['HIT']);
    expect(headerOf(answer.headers, 'content-length')).toEqual([String(Buffer.byteLength(HTML))]);
    expect(Buffer.from(answer.body ?? []).toString()).toBe(HTML);
    expect(answer.flatHeaders).toEqual(answer.headers.flat());
  });

  it('differs between a hit and a miss only in x-cache', async () => {
    const entry = await page();
    const miss = await answerFor(entry, get({ acceptEncoding: 'br' }), 'MISS');
    const hit = await answerFor(entry, get({ acceptEncoding: 'br' }), 'HIT');
    const without = (headers: [string, string][]) => headers.filter(([name]) => name !== 'x-cache');
    expect(without(hit.headers)).toEqual(without(miss.headers));
    expect(hit.body).toEqual(miss.body);
  });

  it('compresses to Brotli or gzip as accepted, each with its own ETag', async () => {
    const entry = await page();
    const br = await answerFor(entry, get({ acceptEncoding: 'gzip, br' }), 'HIT');
    const gzip = await answerFor(entry, get({ acceptEncoding: 'gzip, br;q=0' }), 'HIT');
    const plain = await answerFor(entry, get(), 'HIT');
    expect(headerOf(br.headers, 'content-encoding')).toEqual(['br']);
    expect(headerOf(gzip.headers, 'content-encoding')).toEqual(['gzip']);
    expect(brotliDecompressSync(br.body ?? new Uint8Array()).toString()).toBe(HTML);
    expect(gunzipSync(gzip.body ?? new Uint8Array()).toString()).toBe(HTML);
    const etags = [br, gzip, plain].map((answer) => headerOf(answer.headers, 'etag')[0]);
    expect(new Set(etags).size).toBe(3);
  });

  it('answers a matching If-None-Match with a bodiless 304 carrying the validators, and HEAD without a body', async () => {
    const entry = await page();
    const full = await answerFor(entry, get({ acceptEncoding: 'br' }), 'HIT');
    const etag = headerOf(full.headers, 'etag')[0] ?? '';
    const revalidated = await answerFor(
      entry,
      get({ acceptEncoding: 'br', ifNoneMatch: `"other", W/${etag}` }),
      'HIT',
    );
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBeNull();
    expect(headerOf(revalidated.headers, 'etag')).toEqual([etag]);
    expect(headerOf(revalidated.headers, 'cache-control')).toEqual([PAGE_HEADERS['cache-control']]);
    expect(headerOf(revalidated.headers, 'content-type')).toEqual([]);
    expect((await answerFor(entry, get({ ifNoneMatch: etag }), 'HIT')).status).toBe(200);
    const head = await answerFor(entry, get({ method: 'HEAD', acceptEncoding: 'br' }), 'HIT');
    expect(head.body).toBeNull();
    expect(head.headers).toEqual(full.headers);
  });

  it('passes a redirect through with its own headers and no validator', async () => {
    const entry = await toRenderedEntry(new Response(null, { status: 301, headers: { location: '/new' } }));
    const answer = await answerFor(entry, get({ acceptEncoding: 'br' }), 'MISS');
    expect(answer.status).toBe(301);
    expect(headerOf(answer.headers, 'location')).toEqual(['/new']);
    expect(headerOf(answer.headers, 'etag')).toEqual([]);
    expect(headerOf(answer.headers, 'x-cache')).toEqual(['MISS']);
  });
});
