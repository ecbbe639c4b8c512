import type { EndpointCall } from './endpoint.js';

/**
 * The caller's IP. Behind a reverse proxy (TRUST_PROXY=true) it is the left-most X-Forwarded-For entry the
 * proxy appended; otherwise the socket address, which a client cannot forge.
 */
export function clientIp(call: Pick<EndpointCall, 'headers' | 'clientAddress'>): string {
  if (process.env.TRUST_PROXY === 'true') {
    const forwarded = call.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return call.clientAddress;
}
