import { describe, expect, it } from 'vitest';
import {
  chooseAvailableEncoding,
  chooseEncoding,
  etagFor,
  isCompressible,
  matchesIfNoneMatch,
} from './negotiate.js';

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, else sends the body as is', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('deflate')).toBe('identity');
    expect(chooseEncoding(null)).toBe('identity');
  });

  it('honours q=0 refusals and the wildcard', () => {
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0')).toBe('identity');
  });
});

describe('chooseAvailableEncoding', () => {
  it('picks the best accepted coding among those on hand', () => {
    expect(chooseAvailableEncoding('gzip, deflate, br', ['br', 'gzip'])).toBe('br');
    expect(chooseAvailableEncoding('gzip, deflate, br', ['gzip'])).toBe('gzip');
    expect(chooseAvailableEncoding('gzip', ['br', 'gzip'])).toBe('gzip');
    expect(chooseAvailableEncoding('br', ['gzip'])).toBe('identity');
    expect(chooseAvailableEncoding('gzip, br', [])).toBe('identity');
    expect(chooseAvailableEncoding(null, ['br', 'gzip'])).toBe('identity');
    expect(chooseAvailableEncoding('br;q=0, gzip;q=0.5', ['br', 'gzip'])).toBe('gzip');
  });
});

describe('validators', () => {
  it('gives each encoding of one body its own tag', () => {
    expect(etagFor('abc', 'identity')).toBe('"abc"');
    expect(etagFor('abc', 'br')).toBe('"abc-br"');
  });

  it('matches If-None-Match lists weakly and the star', () => {
    expect(matchesIfNoneMatch('"x", W/"abc-br"', '"abc-br"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"abc"', '"abc-br"')).toBe(false);
    expect(matchesIfNoneMatch(null, '"abc"')).toBe(false);
  });

  it('compresses text of a worthwhile size only', () => {
    expect(isCompressible('text/html; charset=utf-8', 5000)).toBe(true);
    expect(isCompressible('application/manifest+json', 5000)).toBe(true);
    expect(isCompressible('image/png', 5000)).toBe(false);
    expect(isCompressible('text/html', 100)).toBe(false);
  });
});
