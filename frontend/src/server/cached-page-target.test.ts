import { describe, expect, it } from 'vitest';
import { requestOrigin } from '../lib/server/seo/origin.js';
import { cachedPageTarget, type PageRequestFacts } from './cached-page-target.js';

const PLATFORM = 'spark.localhost';
const facts = (overrides: Partial<PageRequestFacts> = {}): PageRequestFacts => ({
  method: 'GET',
  url: '/roof-repair',
  host: 'alpha.localhost:4321',
  forwardedProto: undefined,
  encrypted: false,
  ...overrides,
});

/** The key Astro's middleware stores a page under: the URL its Node adapter builds, then origin + pathname. */
function middlewareKey(request: PageRequestFacts): string {
  const scheme = request.forwardedProto ?? (request.encrypted ? 'https' : 'http');
  const url = new URL(`${scheme}://${request.host}${request.url}`);
  return requestOrigin(new Request(url, { headers: { host: request.host ?? '' } }), url) + url.pathname;
}

describe('which requests the node:http entry looks up in the page cache', () => {
  it('keys a plain page read exactly as the middleware does, query string ignored', () => {
    const cases = [
      facts(),
      facts({ url: '/' }),
      facts({ url: '/areas/texas/austin/?utm_source=x' }),
      facts({ url: '/caf%C3%A9-guide', method: 'HEAD' }),
      facts({ host: 'WWW.Alpha.Example.', url: '/a.b_c~d' }),
      facts({ host: 'alpha.example:443', forwardedProto: 'https' }),
      facts({ host: 'alpha.example', encrypted: true }),
    ];
    for (const request of cases) {
      expect(cachedPageTarget(request, PLATFORM)?.url).toBe(middlewareKey(request));
    }
    expect(cachedPageTarget(facts({ host: 'WWW.Alpha.Example.' }), PLATFORM)?.host).toBe('alpha.example');
  });

  it('leaves other methods, the platform host and malformed hosts to Astro', () => {
    for (const method of ['POST', 'PUT', 'OPTIONS', undefined]) {
      expect(cachedPageTarget(facts({ method }), PLATFORM)).toBeUndefined();
    }
    expect(cachedPageTarget(facts({ host: 'spark.localhost' }), PLATFORM)).toBeUndefined();
    expect(cachedPageTarget(facts({ host: undefined }), PLATFORM)).toBeUndefined();
    expect(cachedPageTarget(facts({ host: 'bad host' }), PLATFORM)).toBeUndefined();
    expect(cachedPageTarget(facts({ host: '[::1]:4321' }), PLATFORM)).toBeUndefined();
  });

  it('leaves API, build assets, uploads and the admin UI to Astro', () => {
    for (const url of ['/api/health', '/_astro/x.css', '/assets/abc', '/admin', '/admin/articles', '/api']) {
      expect(cachedPageTarget(facts({ url }), PLATFORM)).toBeUndefined();
    }
  });

  it('leaves any path URL parsing would rewrite, or Astro would refuse, to Astro', () => {
    const unusual = [
      '//alpha',
      '/a//b',
      '/a/./b',
      '/a/../b',
      '/a/%2e%2E/b',
      '/a/.%2e',
      '/a\\b',
      '/a b',
      '/caf\u00e9',
      '/a%zz',
      '/%E0%A4%A',
      '/ok?bad=%E0%A4%A',
      'http://alpha.localhost/x',
      '*',
      '',
    ];
    for (const url of unusual) {
      expect(cachedPageTarget(facts({ url }), PLATFORM), url).toBeUndefined();
    }
  });
});
