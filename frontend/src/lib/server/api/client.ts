import type { EndpointCall } from './endpoint.js';
import { parseTrustProxy, resolveClientAddress, type TrustProxy } from './trust-proxy.js';

let trust: TrustProxy | undefined;

/** TRUST_PROXY, parsed once; an invalid value fails loudly instead of silently trusting nobody or everybody. */
export function trustProxy(): TrustProxy {
  trust ??= parseTrustProxy(process.env.TRUST_PROXY);
  return trust;
}

/**
 * The caller's IP: the socket peer, or — when the peer is a proxy TRUST_PROXY names — the right-most
 * X-Forwarded-For address no trusted proxy appended. Every door (Astro routes, the node:http tracking door)
 * comes through here with the real socket address; Astro's own `clientAddress` is never used, because its
 * Node adapter takes it from X-Forwarded-For whoever sent it.
 */
export function clientIp(call: Pick<EndpointCall, 'headers' | 'clientAddress'>): string {
  return resolveClientAddress(call.clientAddress, call.headers.get('x-forwarded-for'), trustProxy());
}
