import { BlockList, isIP } from 'node:net';

/**
 * Addresses a tenant's webhook must never reach: our own network, cloud metadata, and every IPv6 form that
 * embeds or translates to an IPv4 address (a NAT64 or 6to4 gateway would carry the request to 127.0.0.1 or
 * 10.x just the same), plus ranges that are not unicast destinations at all.
 */
const RANGES: readonly (readonly [string, number, 'ipv4' | 'ipv6', string])[] = [
  ['0.0.0.0', 8, 'ipv4', 'this network'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'ipv4', 'documentation'],
  ['192.88.99.0', 24, 'ipv4', '6to4 relay'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking'],
  ['198.51.100.0', 24, 'ipv4', 'documentation'],
  ['203.0.113.0', 24, 'ipv4', 'documentation'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved and broadcast'],
  // IPv4-compatible (::a.b.c.d), which also covers :: and ::1, and IPv4-mapped (::ffff:a.b.c.d).
  ['::', 96, 'ipv6', 'IPv4-compatible, unspecified or loopback'],
  ['::ffff:0:0', 96, 'ipv6', 'IPv4-mapped'],
  ['64:ff9b::', 96, 'ipv6', 'NAT64'],
  ['64:ff9b:1::', 48, 'ipv6', 'local NAT64'],
  ['100::', 64, 'ipv6', 'discard'],
  ['2001::', 32, 'ipv6', 'Teredo'],
  ['2001:db8::', 32, 'ipv6', 'documentation'],
  ['2002::', 16, 'ipv6', '6to4'],
  ['fc00::', 7, 'ipv6', 'unique local'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'site-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
];

const lists = RANGES.map(([network, prefix, family, name]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, family, name };
});

/**
 * Why a webhook may not connect to `address` (an IP literal), or null when it is a public unicast address.
 * Anything that is not a valid IP is refused too: the caller must pass resolved addresses only.
 */
export function forbiddenAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return 'not an IP address';
  const type = family === 6 ? 'ipv6' : 'ipv4';
  // BlockList applies IPv4 rules to IPv4-mapped IPv6 addresses (wanted: ::ffff:127.0.0.1 is loopback) but also
  // IPv6 rules to plain IPv4 addresses (every one would match ::ffff:0:0/96), so an IPv4 address meets IPv4
  // rules only.
  return (
    lists.find(({ list, family }) => (type === 'ipv6' || family === 'ipv4') && list.check(bare, type))
      ?.name ?? null
  );
}
