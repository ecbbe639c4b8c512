import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Headers every answer carries, pages and API alike, set once in the node:http entry (writeHead merges them
 * with the route's own). HSTS only where it means something: in production (browsers ignore it over plain
 * http), or when a trusted proxy says the request came over https.
 */
const ALWAYS: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'strict-origin-when-cross-origin'],
];
const HSTS = 'max-age=31536000';

export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, production: boolean): void {
  for (const [name, value] of ALWAYS) res.setHeader(name, value);
  // x-forwarded-proto survives only from a trusted proxy (screenForwarding drops it otherwise).
  if (production || req.headers['x-forwarded-proto'] === 'https')
    res.setHeader('strict-transport-security', HSTS);
}
