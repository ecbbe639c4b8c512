import { describe, expect, it } from 'vitest';
import { addressBucket } from './client-address.js';

describe('addressBucket', () => {
  it('is the IPv4 address itself, also when written IPv4-mapped', () => {
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the /64 of an IPv6 address, however it is spelled', () => {
    const bucket = '2001:db8:85a3:8d3::/64';
    expect(addressBucket('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe(bucket);
    expect(addressBucket('2001:0db8:85a3:08d3::1')).toBe(bucket);
    expect(addressBucket('2001:db8:85a3:8d3:ffff::')).toBe(bucket);
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    expect(addressBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressBucket('64:ff9b::198.51.100.4')).toBe('64:ff9b:0:0::/64');
  });

  it('leaves anything without a colon as it is', () => {
    expect(addressBucket('unknown')).toBe('unknown');
  });
});
