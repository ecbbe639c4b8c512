import { describe, expect, it } from 'vitest';
import { absoluteUrl, requestOrigin } from './origin.js';

const originFor = (host: string, url: string, extra: Record<string, string> = {}) =>
  requestOrigin(new Request(url, { headers: { host, ...extra } }), new URL(url));

describe('requestOrigin', () => {
  it('uses the Host the visitor asked for, keeping a non-default port', () => {
    expect(originFor('Alpha.Localhost:4321', 'http://alpha.localhost:4321/x')).toBe(
      'http://alpha.localhost:4321',
    );
    expect(originFor('alpha.example', 'https://alpha.example/')).toBe('https://alpha.example');
    expect(originFor('alpha.example:443', 'https://alpha.example/')).toBe('https://alpha.example');
  });

  it('keeps the www. the visitor used and falls back to the URL host for a malformed Host', () => {
    expect(originFor('www.alpha.example', 'https://www.alpha.example/')).toBe('https://www.alpha.example');
    expect(originFor('bad host', 'http://alpha.localhost/')).toBe('http://alpha.localhost');
  });

  it('ignores X-Forwarded-Host, which did not pick the tenant', () => {
    expect(originFor('alpha.example', 'https://evil.example/', { 'x-forwarded-host': 'evil.example' })).toBe(
      'https://alpha.example',
    );
  });
});

describe('absoluteUrl', () => {
  it('anchors site paths on the origin and refuses protocol-relative or odd schemes', () => {
    expect(absoluteUrl('https://a.example', '/brand/logo.svg')).toBe('https://a.example/brand/logo.svg');
    expect(absoluteUrl('https://a.example', 'https://cdn.example/x.jpg')).toBe('https://cdn.example/x.jpg');
    expect(absoluteUrl('https://a.example', '//evil.example/x')).toBeNull();
    expect(absoluteUrl('https://a.example', 'javascript:alert(1)')).toBeNull();
    expect(absoluteUrl('https://a.example', null)).toBeNull();
  });
});
