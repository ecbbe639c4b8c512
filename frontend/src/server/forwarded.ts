import type { IncomingMessage } from 'node:http';
import { AppError } from '@spark/contracts';
import { resolveClientAddress, type TrustProxy, trustsPeer } from '../lib/server/api/trust-proxy.js';

const FORWARDING = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port'] as const;

const HOST =
  /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
const PORT = /^\d{1,5}$/;

function validHost(value: string): boolean {
  if (!HOST.test(value)) return false;
  const port = /:(\d+)$/.exec(value)?.[1];
  return port === undefined || Number(port) <= 65535;
}

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value.join(',') : value)?.split(',')[0]?.trim();

const malformed = (what: string) =>
  new AppError('BAD_REQUEST', `The ${what} header is malformed; send a host name with an optional port`);

/**
 * Prepares a request for Astro, whose Node adapter builds the page URL from X-Forwarded-Host/Proto/Port and
 * the client address from X-Forwarded-For without asking who sent them (and answers a plain-text 500 when
 * the URL they make is invalid). From a peer TRUST_PROXY does not name, the forwarding headers are dropped;
 * from a trusted proxy they are checked, and X-Forwarded-For is replaced by the one client address it
 * proves. Returns the 400 to answer when Host or a trusted forwarding header cannot name a URL.
 */
export function screenForwarding(req: IncomingMessage, trust: TrustProxy): AppError | undefined {
  const headers = req.headers;
  if (!trustsPeer(trust, req.socket.remoteAddress)) {
    for (const name of FORWARDING) delete headers[name];
  } else {
    const chain = headers['x-forwarded-for'];
    headers['x-forwarded-for'] = resolveClientAddress(
      req.socket.remoteAddress,
      Array.isArray(chain) ? chain.join(',') : chain,
      trust,
    );
    const proto = first(headers['x-forwarded-proto']);
    if (proto !== undefined && proto !== 'http' && proto !== 'https') return malformed('X-Forwarded-Proto');
    const port = first(headers['x-forwarded-port']);
    if (port !== undefined && (!PORT.test(port) || Number(port) > 65535))
      return malformed('X-Forwarded-Port');
    const forwardedHost = first(headers['x-forwarded-host']);
    if (forwardedHost !== undefined && !validHost(forwardedHost)) return malformed('X-Forwarded-Host');
  }
  const host = headers.host;
  return host !== undefined && !validHost(host) ? malformed('Host') : undefined;
}
