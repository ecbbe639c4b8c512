import { describe, expect, it } from 'vitest';
import {
  normalizeAddress,
  parseTrustProxy,
  rateLimitKey,
  resolveClientAddress,
  trustsPeer,
} from './trust-proxy.js';

const resolve = (socket: string, xff: string | null, trust: string | undefined) =>
  resolveClientAddress(socket, xff, parseTrustProxy(trust));

describe('parseTrustProxy', () => {
  it('trusts nobody when unset, empty, false or 0', () => {
    for (const value of [undefined, '', 'false', 'FALSE', '0'])
      expect(parseTrustProxy(value).kind).toBe('none');
  });

  it('reads a hop count and a list of CIDRs, addresses and keywords', () => {
    expect(parseTrustProxy('2')).toEqual({ kind: 'hops', hops: 2 });
    expect(parseTrustProxy('10.0.0.0/8, 192.0.2.7, loopback, private, linklocal, 2001:db8::/32').kind).toBe(
      'ranges',
    );
  });

  it('refuses true, which would let every client choose its own address', () => {
    expect(() => parseTrustProxy('true')).toThrow(/hop|CIDR/i);
  });

  it('refuses entries that are neither addresses, CIDRs nor keywords', () => {
    expect(() => parseTrustProxy('proxy.internal')).toThrow(/proxy\.internal/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/prefix/);
    expect(() => parseTrustProxy('10.0.0.0/x')).toThrow(/prefix/);
  });
});

describe('resolveClientAddress', () => {
  it('ignores X-Forwarded-For entirely when no proxy is trusted', () => {
    expect(resolve('203.0.113.9', '1.1.1.1', undefined)).toBe('203.0.113.9');
    expect(resolve('203.0.113.9', '1.1.1.1', 'false')).toBe('203.0.113.9');
  });

  it('takes the address the trusted proxy appended, not what the client wrote to its left', () => {
    expect(resolve('10.0.0.2', '6.6.6.6, 198.51.100.4', '1')).toBe('198.51.100.4');
    expect(resolve('10.0.0.2', '6.6.6.6, 198.51.100.4', 'private')).toBe('198.51.100.4');
  });

  it('walks through as many hops as configured', () => {
    expect(resolve('10.0.0.2', '6.6.6.6, 198.51.100.4, 172.16.0.9', '2')).toBe('198.51.100.4');
    expect(resolve('10.0.0.2', '6.6.6.6, 198.51.100.4, 172.16.0.9', 'private')).toBe('198.51.100.4');
  });

  it('ignores the header of a peer outside the trusted ranges', () => {
    expect(resolve('203.0.113.9', '1.1.1.1', '10.0.0.0/8')).toBe('203.0.113.9');
  });

  it('stops at the left-most address when every hop is trusted', () => {
    expect(resolve('127.0.0.1', '10.0.0.3', 'loopback,private')).toBe('10.0.0.3');
    expect(resolve('127.0.0.1', null, '3')).toBe('127.0.0.1');
  });

  it('never returns a string the client wrote that is not an address', () => {
    expect(resolve('10.0.0.2', 'not-an-ip', '1')).toBe('10.0.0.2');
    expect(resolve('10.0.0.2', '1.1.1.1, <script>', 'private')).toBe('10.0.0.2');
  });

  it('treats an IPv4-mapped IPv6 peer as the IPv4 address it is', () => {
    expect(resolve('::ffff:127.0.0.1', '198.51.100.4', 'loopback')).toBe('198.51.100.4');
    expect(resolve('::ffff:203.0.113.9', '198.51.100.4', 'loopback')).toBe('203.0.113.9');
    expect(trustsPeer(parseTrustProxy('127.0.0.1'), '::ffff:127.0.0.1')).toBe(true);
  });

  it('reads bracketed IPv6 and IPv4 with a port in the header', () => {
    expect(resolve('10.0.0.2', '[2001:db8::1]:4711', '1')).toBe('2001:db8::1');
    expect(resolve('10.0.0.2', '198.51.100.4:4711', '1')).toBe('198.51.100.4');
  });
});

describe('normalizeAddress', () => {
  it('lower-cases IPv6, drops zones and rejects what is not an address', () => {
    expect(normalizeAddress('2001:DB8::1')).toBe('2001:db8::1');
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(normalizeAddress('localhost')).toBeUndefined();
  });
});

describe('rateLimitKey', () => {
  it('keys IPv4 clients by their address', () => {
    expect(rateLimitKey('198.51.100.4')).toBe('198.51.100.4');
  });

  it('keys every address of one IPv6 /64 the same', () => {
    const key = rateLimitKey('2001:db8:aa:bb:1:2:3:4');
    expect(key).toBe('2001:db8:aa:bb::/64');
    expect(rateLimitKey('2001:db8:aa:bb:ffff::9')).toBe(key);
    expect(rateLimitKey('2001:db8:aa:bc::1')).not.toBe(key);
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKey('64:ff9b::198.51.100.4')).toBe('64:ff9b:0:0::/64');
  });
});
