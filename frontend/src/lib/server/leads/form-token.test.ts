import { beforeAll, describe, expect, it } from 'vitest';
import { formShownAt, issueFormToken } from './form-token.js';

beforeAll(() => {
  process.env.DATABASE_URL ??= 'postgres://x@127.0.0.1/x';
  process.env.REDIS_URL ??= 'redis://127.0.0.1:1';
  process.env.DIRECTUS_READ_TOKEN ??= 'read-token-for-unit-tests';
  process.env.DIRECTUS_ADMIN_TOKEN ??= 'admin-token-for-unit-tests';
});

describe('form tokens', () => {
  it('give back the time the form was shown for the same site and form', () => {
    const token = issueFormToken('site-a', 'quote', 1_700_000_000_123);
    expect(formShownAt(token, 'site-a', 'quote')).toBe(1_700_000_000_123);
  });

  it("refuse another site's or form's token, an edited time and garbage", () => {
    const token = issueFormToken('site-a', 'quote', 1_700_000_000_123);
    expect(formShownAt(token, 'site-b', 'quote')).toBeNull();
    expect(formShownAt(token, 'site-a', '')).toBeNull();
    const [, signature] = token.split('.');
    expect(formShownAt(`${(1_600_000_000_000).toString(36)}.${signature}`, 'site-a', 'quote')).toBeNull();
    for (const bad of ['', 'x', '1.2', `${token}x`]) expect(formShownAt(bad, 'site-a', 'quote')).toBeNull();
  });
});
