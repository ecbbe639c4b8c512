import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './sign.js';

describe('webhook signatures', () => {
  it('are HMAC-SHA256 over "<t>.<body>" in the documented header format', () => {
    const expected = createHmac('sha256', 'secret').update('1700000000.{"a":1}').digest('hex');
    expect(signWebhook('secret', '{"a":1}', 1_700_000_000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verify only with the same secret, the same body and a fresh timestamp', () => {
    const header = signWebhook('secret', 'body', 1000);
    expect(verifyWebhook('secret', 'body', header, 1100)).toBe(true);
    expect(verifyWebhook('other', 'body', header, 1100)).toBe(false);
    expect(verifyWebhook('secret', 'body!', header, 1100)).toBe(false);
    expect(verifyWebhook('secret', 'body', header, 2000)).toBe(false);
    expect(verifyWebhook('secret', 'body', 'garbage', 1000)).toBe(false);
  });
});
