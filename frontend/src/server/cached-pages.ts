import type { IncomingMessage, ServerResponse } from 'node:http';
import { currentSiteVersions, heldSiteVersions } from '../lib/server/content/site-version.js';
import { answerFor } from '../lib/server/http-cache/cached-answer.js';
import { cachedPage } from '../lib/server/http-cache/page-store.js';
import { pageCacheLookups } from '../lib/server/observability/http-metrics.js';
import type { RequestContext } from '../lib/server/observability/request-context.js';
import { resolveTenant } from '../lib/server/tenancy/resolve-tenant.js';
import { cachedPageTarget } from './cached-page-target.js';

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : value);

/**
 * Answers a page-cache hit from node:http, without entering Astro: host → tenant, the site's current
 * versions, the entry the middleware stored (page-store.ts), and the answer the middleware would build from
 * it (cached-answer.ts). Call after screenForwarding and setSecurityHeaders. Resolves false to hand the
 * request to Astro unchanged: not a plain page read, an unknown host, a miss, or versions that cannot be
 * read (Redis down: nothing may be served that an invalidation could not reach).
 */
export async function serveCachedPage(
  req: IncomingMessage,
  res: ServerResponse,
  context: RequestContext,
  platformHost: string,
): Promise<boolean> {
  const target = cachedPageTarget(
    {
      method: req.method,
      url: req.url,
      host: req.headers.host,
      forwardedProto: header(req.headers['x-forwarded-proto'])?.split(',', 1)[0]?.trim(),
      encrypted: 'encrypted' in req.socket && req.socket.encrypted === true,
    },
    platformHost,
  );
  if (!target) return false;
  const tenant = await resolveTenant(target.host);
  if (!tenant) return false;
  const versions = heldSiteVersions(tenant.id) ?? (await currentSiteVersions(tenant.id));
  const entry = versions ? cachedPage(tenant.id, versions, target.url) : undefined;
  if (!entry) return false;
  const answer = await answerFor(
    entry,
    {
      method: req.method ?? 'GET',
      acceptEncoding: header(req.headers['accept-encoding']) ?? null,
      ifNoneMatch: header(req.headers['if-none-match']) ?? null,
    },
    'HIT',
  );
  pageCacheLookups.inc({ result: 'hit' });
  context.route = entry.route;
  context.answeredBy = 'page-cache';
  res.writeHead(answer.status, answer.headers.flat());
  if (answer.body) res.end(answer.body);
  else res.end();
  return true;
}
