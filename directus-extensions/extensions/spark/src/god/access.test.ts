import { describe, expect, it } from 'vitest';
import { decideGodAccess } from './access.js';
import { parseByteSize } from './payload-limit.js';
import { findGodRoute, unknownGodAction } from './routes.js';
import { godTokenMatches } from './token.js';

const TOKEN = 'a-long-random-god-token-value';
const decide = (header: string | string[] | undefined, queryKeys: string[] = [], configured = TOKEN) =>
  decideGodAccess({ configuredToken: configured, header, queryKeys });

describe('the god token comparison', () => {
  it('accepts exactly the configured token', () => {
    expect(godTokenMatches(TOKEN, TOKEN)).toBe(true);
  });

  it('rejects other tokens, prefixes, longer values and the empty string', () => {
    for (const other of ['', TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.toUpperCase(), 'x']) {
      expect(godTokenMatches(TOKEN, other)).toBe(false);
    }
  });

  it('never matches when nothing is configured, even an empty presented token', () => {
    expect(godTokenMatches('', '')).toBe(false);
  });
});

describe('deciding god access', () => {
  it('allows a request with the right header', () => {
    expect(decide(TOKEN)).toEqual({ allowed: true });
  });

  it('answers 404 when GOD_MODE_TOKEN is unset or blank, whatever is sent', () => {
    for (const configured of ['', '   ']) {
      const decision = decide(TOKEN, [], configured);
      expect(decision.allowed).toBe(false);
      if (!decision.allowed) expect(decision.error.toEnvelope().error.code).toBe('NOT_FOUND');
    }
    const unset = decideGodAccess({ configuredToken: undefined, header: TOKEN, queryKeys: [] });
    expect(unset.allowed === false && unset.error.status).toBe(404);
  });

  it('answers 401 for a missing, wrong or duplicated header', () => {
    for (const header of [undefined, '', 'wrong', [TOKEN, TOKEN]]) {
      const decision = decide(header);
      expect(decision.allowed === false && decision.error.status).toBe(401);
    }
  });

  it('answers 401 when a token travels in the query string, even next to a valid header', () => {
    for (const key of ['token', 'access_token', 'ACCESS_TOKEN']) {
      expect(decide(undefined, [key]).allowed).toBe(false);
      const withHeader = decide(TOKEN, [key]);
      expect(withHeader.allowed === false && withHeader.reason).toBe('token in query string');
    }
  });

  it('ignores unrelated query parameters', () => {
    expect(decide(TOKEN, ['limit', 'page'])).toEqual({ allowed: true });
  });
});

describe('god routes', () => {
  it('finds routes by method and path, ignoring a trailing slash', () => {
    expect(findGodRoute('GET', '/god/status/')?.action).toBe('god.status');
    expect(findGodRoute('POST', '/god/data/bulk-insert')?.action).toBe('god.data.bulk-insert');
    expect(findGodRoute('GET', '/god/data/bulk-insert')).toBeUndefined();
  });

  it('names unknown god paths for the audit', () => {
    expect(unknownGodAction('/god/nope/x')).toBe('god.nope.x');
    expect(unknownGodAction('/god')).toBe('god.root');
  });
});

describe('payload sizes', () => {
  it('reads Directus-style sizes with 1024-based units', () => {
    expect(parseByteSize('50mb', 1)).toBe(50 * 1024 * 1024);
    expect(parseByteSize('512kb', 1)).toBe(512 * 1024);
    expect(parseByteSize('1000', 1)).toBe(1000);
    expect(parseByteSize('lots', 7)).toBe(7);
    expect(parseByteSize(undefined, 7)).toBe(7);
  });
});
