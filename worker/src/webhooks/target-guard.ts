import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// Loopback, private, link-local (cloud metadata), CGNAT and unspecified ranges: a tenant's webhook URL must not
// reach into our own network.
const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  internal.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::1', 128],
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  internal.addSubnet(net, prefix, 'ipv6');
}

/**
 * Refuses webhook URLs that resolve to internal addresses, in production only (development and the test stack
 * deliver to loopback receivers). WEBHOOK_ALLOW_INTERNAL_TARGETS=true lifts it for on-premise receivers.
 */
export async function assertPublicTarget(url: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env.NODE_ENV !== 'production' || env.WEBHOOK_ALLOW_INTERNAL_TARGETS === 'true') return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  for (const { address, family } of addresses) {
    if (internal.check(address, family === 6 ? 'ipv6' : 'ipv4')) {
      throw new Error(`webhook host ${host} resolves to an internal address (${address})`);
    }
  }
}
