import { BlockList, isIP } from 'node:net';
import { addressBucket } from '@spark/contracts';

/**
 * Which peers may tell us who the client is (proxy-addr semantics, as Express uses them). `X-Forwarded-For` is
 * a list every proxy appends the address it received from to; only entries appended by proxies we trust are
 * true, anything to their left may be invented by the client. So the client is the right-most address that
 * is not itself a trusted proxy, walking from the socket peer leftwards through the header.
 *
 * `TRUST_PROXY`:
 *  - unset, empty or `false`: nobody is trusted, the client is the socket peer and the header is ignored;
 *  - a number n: the n nearest hops (the socket peer first) are proxies;
 *  - a comma list of CIDRs, addresses and the keywords `loopback`, `private` (RFC 1918 and IPv6 ULA) and
 *    `linklocal`: peers inside them are proxies.
 * `true` ("trust everyone") is refused: it lets any client choose its own address.
 */
export type TrustProxy =
  | { kind: 'none' }
  | { kind: 'hops'; hops: number }
  | { kind: 'ranges'; ranges: BlockList; description: string };

const KEYWORDS: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
};

/** `::ffff:1.2.3.4` is the IPv4 client 1.2.3.4 seen through a dual-stack socket: one client, one form. */
export function normalizeAddress(raw: string): string | undefined {
  let address = raw.trim();
  if (address.startsWith('[') && address.includes(']')) address = address.slice(1, address.indexOf(']'));
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const zone = address.indexOf('%');
  if (zone >= 0) address = address.slice(0, zone);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) address = mapped[1];
  const version = isIP(address);
  if (version === 0) return undefined;
  return version === 6 ? address.toLowerCase() : address;
}

function addRange(list: BlockList, entry: string): void {
  const [base = '', prefixText] = entry.split('/');
  const address = normalizeAddress(base);
  if (!address) throw new Error(`TRUST_PROXY: "${entry}" is not an IP address, CIDR or known keyword`);
  const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (prefixText === undefined) {
    list.addAddress(address, type);
    return;
  }
  const prefix = Number(prefixText);
  const max = type === 'ipv6' ? 128 : 32;
  if (!/^\d+$/.test(prefixText) || prefix > max)
    throw new Error(`TRUST_PROXY: "${entry}" has an invalid prefix length (0–${max})`);
  list.addSubnet(address, prefix, type);
}

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '' || value === 'false' || value === '0') return { kind: 'none' };
  if (value === 'true')
    throw new Error(
      'TRUST_PROXY=true would let any client choose its IP: set the number of proxies in front (e.g. 1) or their CIDRs',
    );
  if (/^\d+$/.test(value)) return { kind: 'hops', hops: Number(value) };
  const ranges = new BlockList();
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const keyword = KEYWORDS[entry];
    if (keyword) for (const cidr of keyword) addRange(ranges, cidr);
    else addRange(ranges, entry);
  }
  return { kind: 'ranges', ranges, description: value };
}

/** Whether the socket peer itself is a proxy whose forwarding headers we may read. */
export function trustsPeer(trust: TrustProxy, socketAddress: string | undefined): boolean {
  const peer = normalizeAddress(socketAddress ?? '');
  return peer !== undefined && isTrusted(trust, peer, 0);
}

function isTrusted(trust: TrustProxy, address: string, hop: number): boolean {
  if (trust.kind === 'none') return false;
  if (trust.kind === 'hops') return hop < trust.hops;
  return trust.ranges.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client address for a request that arrived from `socketAddress` with this `X-Forwarded-For`. A header
 * entry that is not an IP address ends the walk: the last good address (a trusted proxy) is the answer,
 * never a string the client chose.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | null | undefined,
  trust: TrustProxy,
): string {
  const peer = normalizeAddress(socketAddress ?? '') ?? 'unknown';
  if (trust.kind === 'none' || !forwardedFor || peer === 'unknown') return peer;
  const chain = forwardedFor.split(',').reverse();
  let client = peer;
  let hop = 0;
  while (isTrusted(trust, client, hop)) {
    const next = chain[hop];
    if (next === undefined) break;
    const address = normalizeAddress(next);
    if (!address) break;
    client = address;
    hop += 1;
  }
  return client;
}

/** The key a client is rate-limited under: its address, or its /64 for IPv6 (see `addressBucket`). */
export function rateLimitKey(address: string): string {
  return addressBucket(address);
}
