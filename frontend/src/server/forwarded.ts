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

const HOST_NAME = 'a host name with an optional port';
const malformed = (header: string, expected = HOST_NAME) =>
  new AppError('BAD_REQUEST', `The ${header} header is malformed: send ${expected}`, { header });

/**
 * Prepares a request for Astro, whose Node adapter builds the page URL from X-Forwarded-Host/Proto/Port and
 * the client address from X-Forwarded-For without asking who sent them (and answers a plain-text 500 when
 * the URL they make is invalid). Malformed Host or forwarding headers are a 400 whoever sent them; well-formed
 * forwarding headers from a peer TRUST_PROXY does not name are dropped, and from a trusted proxy
 * X-Forwarded-For is replaced by the one client address it proves. Returns the error to answer, if any.
 */
export function screenForwarding(req: IncomingMessage, trust: TrustProxy): AppError | undefined {
  const headers = req.headers;
  const host = headers.host;
  if (host !== undefined && !validHost(host)) return malformed('Host');
  const proto = first(headers['x-forwarded-proto']);
  if (proto !== undefined && proto !== 'http' && proto !== 'https')
    return malformed('X-Forwarded-Proto', 'http or https');
  const port = first(headers['x-forwarded-port']);
  if (port !== undefined && (!PORT.test(port) || Number(port) > 65535))
    return malformed('X-Forwarded-Port', 'a port number');
  const forwardedHost = first(headers['x-forwarded-host']);
  if (forwardedHost !== undefined && !validHost(forwardedHost)) return malformed('X-Forwarded-Host');
  if (!trustsPeer(trust, req.socket.remoteAddress)) {
    for (const name of FORWARDING) delete headers[name];
    return undefined;
  }
  const chain = headers['x-forwarded-for'];
  headers['x-forwarded-for'] = resolveClientAddress(
    req.socket.remoteAddress,
    Array.isArray(chain) ? chain.join(',') : chain,
    trust,
  );
  return undefined;
}
