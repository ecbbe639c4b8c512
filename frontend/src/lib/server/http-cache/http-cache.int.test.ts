import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getSite, tenantHost } from './site-client.testing.js';

const alpha = tenantHost('alpha.localhost');

describe('HTTP caching of anonymous tenant pages', () => {
  it('sends shared-cache Cache-Control and an ETag, and answers If-None-Match with 304', async () => {
    const page = await getSite(alpha, '/services');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('public, s-maxage=60, stale-while-revalidate=600');
    const etag = page.headers.etag ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const revalidated = await getSite(alpha, '/services', { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(revalidated.headers.etag).toBe(etag);
    expect((await getSite(alpha, '/services', { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('compresses with Brotli or gzip as accepted, to the same document', async () => {
    const plain = await getSite(alpha, '/');
    const br = await getSite(alpha, '/', { 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await getSite(alpha, '/', { 'accept-encoding': 'gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(plain.text);
    expect(gunzipSync(gzip.body).toString()).toBe(plain.text);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    expect(br.headers.etag).not.toBe(plain.headers.etag);
  });

  it('shares a tenant 404 briefly but never caches it as a page', async () => {
    const missing = await getSite(alpha, '/no-such-page');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBe('public, s-maxage=60');
    expect(missing.text).toContain('Alpha Roofing');
  });
});
