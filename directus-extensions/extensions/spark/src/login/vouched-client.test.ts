import { createHmac } from 'node:crypto';
import { CLIENT_ADDRESS_PROOF_CONTEXT } from '@spark/contracts';
import { describe, expect, it } from 'vitest';
import { vouchedClientAddress } from './vouched-client.js';

const token = 'admin-token-0123456789';
const proof = (address: string, key = token) =>
  createHmac('sha256', `${CLIENT_ADDRESS_PROOF_CONTEXT}:${key}`).update(address).digest('hex');
const headers = (address: string, signature: string) => ({
  'x-spark-client-address': address,
  'x-spark-client-proof': signature,
});

describe('vouchedClientAddress', () => {
  it('takes the address the frontend signed with the admin token', () => {
    expect(vouchedClientAddress(headers('203.0.113.9', proof('203.0.113.9')), token)).toBe('203.0.113.9');
    expect(vouchedClientAddress(headers('2001:db8::1', proof('2001:db8::1')), token)).toBe('2001:db8::1');
  });

  it('ignores a proof made with another key, for another address, or missing', () => {
    expect(
      vouchedClientAddress(headers('203.0.113.9', proof('203.0.113.9', 'guess')), token),
    ).toBeUndefined();
    expect(vouchedClientAddress(headers('203.0.113.9', proof('203.0.113.10')), token)).toBeUndefined();
    expect(vouchedClientAddress({ 'x-spark-client-address': '203.0.113.9' }, token)).toBeUndefined();
    expect(vouchedClientAddress(headers('203.0.113.9', 'zz'), token)).toBeUndefined();
  });

  it('ignores anything that is not an IP address, and everything when no admin token is configured', () => {
    expect(vouchedClientAddress(headers('localhost', proof('localhost')), token)).toBeUndefined();
    expect(vouchedClientAddress(headers('203.0.113.9', proof('203.0.113.9', '')), '')).toBeUndefined();
  });
});
