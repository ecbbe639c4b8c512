import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../build/precompressed-assets.mjs';
import { hashedAssetName, hashedAssetServer, IMMUTABLE_CACHE_CONTROL } from './static-assets.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const clientDir = mkdtempSync(join(tmpdir(), 'spark-static-assets-'));
const css = `${'.card { color: red; padding: 1rem; }\n'.repeat(200)}`;
let server: Server;
let port = 0;

function call(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

beforeAll(async () => {
  const assets = join(clientDir, '_astro');
  mkdirSync(assets);
  writeFileSync(join(assets, 'site.Ab12.css'), css);
  writeFileSync(join(assets, 'tiny.Cd34.js'), 'export{};');
  writeFileSync(join(assets, 'photo.Ef56.png'), brotliCompressSync(css));
  await precompressDir(assets);
  const serve = hashedAssetServer(clientDir);
  server = createServer((req, res) => {
    const name = hashedAssetName(req);
    if (!name) return void res.writeHead(418).end();
    void serve(req, res, name).then((served) => served || res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.close();
  rmSync(clientDir, { recursive: true, force: true });
});

describe('precompressed hashed assets', () => {
  it('writes siblings only for large text files', async () => {
    expect(
      (await call('/_astro/site.Ab12.css', { 'accept-encoding': 'br' })).headers['content-encoding'],
    ).toBe('br');
    const tiny = await call('/_astro/tiny.Cd34.js', { 'accept-encoding': 'br, gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.headers.vary).toBeUndefined();
    expect(tiny.body.toString()).toBe('export{};');
    const png = await call('/_astro/photo.Ef56.png', { 'accept-encoding': 'br, gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['content-type']).toBe('image/png');
  });

  it('sends brotli, gzip or identity as accepted, each decoding to the same bytes', async () => {
    const plain = await call('/_astro/site.Ab12.css');
    const br = await call('/_astro/site.Ab12.css', { 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await call('/_astro/site.Ab12.css', { 'accept-encoding': 'gzip' });
    expect(plain.body.toString()).toBe(css);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.body).toString()).toBe(css);
    expect(gunzipSync(gzip.body).toString()).toBe(css);
    for (const answer of [plain, br, gzip]) {
      expect(answer.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL);
      expect(answer.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(answer.headers.vary).toBe('Accept-Encoding');
      expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    }
    expect(br.body.length).toBeLessThan(gzipSync(css).length * 1.2);
    expect(new Set([plain, br, gzip].map((a) => a.headers.etag)).size).toBe(3);
  });

  it('answers If-None-Match with 304 and HEAD with headers only', async () => {
    const br = await call('/_astro/site.Ab12.css', { 'accept-encoding': 'br' });
    const etag = String(br.headers.etag);
    const again = await call('/_astro/site.Ab12.css', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // The identity representation has another tag, so the br tag does not validate it.
    expect((await call('/_astro/site.Ab12.css', { 'if-none-match': etag })).status).toBe(200);
    const head = await call('/_astro/site.Ab12.css', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(br.body.length);
  });

  it('leaves unknown files, other paths, other methods and ranges to the usual handler', async () => {
    expect((await call('/_astro/missing.Zz99.css')).status).toBe(404);
    expect((await call('/_astro/..%2Fsecret.css')).status).toBe(418);
    expect((await call('/_astro/.hidden.css')).status).toBe(418);
    expect((await call('/_astro/sub/site.css')).status).toBe(418);
    expect((await call('/_astro/site.Ab12.css', {}, 'POST')).status).toBe(418);
    expect((await call('/_astro/site.Ab12.css', { range: 'bytes=0-9' })).status).toBe(418);
    expect((await call('/_astro/site.Ab12.unknownext')).status).toBe(418);
  });
});
