import { describe, expect, it } from 'vitest';
import { REQUEST_ID_PATTERN, requestIdSchema } from './request-id.js';

describe('request ids', () => {
  it('accepts UUIDs and the ids common proxies send', () => {
    for (const id of [
      '3f2c9a1e-0d7b-4c1e-9f5a-2b8e6d4c1a00',
      'abc123',
      'Root=1-67891233-abcdef012345678912345678',
      'req.42_a',
    ]) {
      expect(requestIdSchema.safeParse(id).success).toBe(true);
    }
  });

  it('refuses anything that could split a header or forge a log field', () => {
    for (const id of ['', ' abc', 'a b', 'a\r\nx-evil: 1', 'a"b', '-leading', 'x'.repeat(129), 'ünïcode']) {
      expect(REQUEST_ID_PATTERN.test(id)).toBe(false);
    }
  });
});
