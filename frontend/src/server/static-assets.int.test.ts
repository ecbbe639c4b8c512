import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getSite, tenantHost } from '../lib/server/http-cache/site-client.testing.js';

const alpha = tenantHost('alpha.localhost');
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The stylesheet the built site links, found the way a browser finds it. */
async function stylesheetPath(): Promise<string> {
  const home = await getSite(alpha, '/');
  const path = /href="(\/_astro\/[^"]+\.css)"/.exec(home.text)?.[1];
  if (!path) throw new Error('the home page links no stylesheet');
  return path;
}

describe('precompressed hashed assets from the built frontend', () => {
  it('sends the stylesheet as Brotli, gzip or identity as accepted, immutably cached, to the same bytes', async () => {
    const path = await stylesheetPath();
    const plain = await getSite(alpha, path);
    const br = await getSite(alpha, path, { 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await getSite(alpha, path, { 'accept-encoding': 'gzip' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    for (const answer of [plain, br, gzip]) {
      expect(answer.headers['cache-control']).toBe(IMMUTABLE);
      expect(answer.headers['content-type']).toMatch(/^text\/css/);
      expect(answer.headers.vary).toBe('Accept-Encoding');
      expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    }
  });

  it('revalidates with the ETag of the representation sent', async () => {
    const path = await stylesheetPath();
    const br = await getSite(alpha, path, { 'accept-encoding': 'br' });
    const etag = br.headers.etag ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const revalidated = await getSite(alpha, path, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
  });

  it('still answers an unknown asset with 404', async () => {
    expect((await getSite(alpha, '/_astro/no-such-asset.Xx00.css')).status).toBe(404);
  });
});
