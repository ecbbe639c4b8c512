import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  currentSiteVersions,
  heldSiteVersions,
  type SiteVersions,
} from '../lib/server/content/site-version.js';
import { answerFor, type CachedAnswer, type CacheOutcome } from '../lib/server/http-cache/cached-answer.js';
import { cachedPage } from '../lib/server/http-cache/page-store.js';
import { fromRenderStore, mayBeArticlePath } from '../lib/server/http-cache/render-store.js';
import type { RenderedEntry } from '../lib/server/http-cache/rendered-entry.js';
import { pageCacheLookups } from '../lib/server/observability/http-metrics.js';
import type { RequestContext } from '../lib/server/observability/request-context.js';
import { heldTenant, resolveTenant } from '../lib/server/tenancy/resolve-tenant.js';
import { type CachedPageTarget, cachedPageTarget } from './cached-page-target.js';

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : value);

/**
 * Answers a page-cache hit from node:http, without entering Astro: host → tenant, the site's current
 * versions, the entry the middleware stored (page-store.ts) or, for an article page not in memory, the one
 * rendered ahead into the render store (render-store.ts), and the answer the middleware would build from it
 * (cached-answer.ts). Call after screenForwarding and setSecurityHeaders. True when it answered, false to
 * hand the request to Astro unchanged: not a plain page read, an unknown host, a miss, or versions that
 * cannot be read (Redis down: nothing may be served that an invalidation could not reach).
 *
 * Synchronous while the tenant, the versions and the encoded body are all in memory (every hit but the first
 * after a TTL or a change): no promise is made on that path, which is most of what a hit costs beyond
 * node:http's own work. Otherwise it looks them up and resolves the same answer later.
 */
export function serveCachedPage(
  req: IncomingMessage,
  res: ServerResponse,
  context: RequestContext,
  /** Normalised (`normalizeHost`). */
  platformHost: string | undefined,
): boolean | Promise<boolean> {
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
  const exchange = { req, res, context };
  const tenant = heldTenant(target.host);
  if (tenant === null) return false;
  const versions = tenant ? heldSiteVersions(tenant.id) : undefined;
  if (tenant && versions) return answerHit(exchange, { siteId: tenant.id, versions, target });
  return lookUpThenAnswer(exchange, target);
}

/** The request being answered, as node:http hands it over. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  context: RequestContext;
}

/** The page it asks for: the tenant's site, its current versions and the page cache key. */
interface SitePage {
  siteId: string;
  versions: SiteVersions;
  target: CachedPageTarget;
}

async function lookUpThenAnswer(exchange: Exchange, target: CachedPageTarget): Promise<boolean> {
  const tenant = await resolveTenant(target.host);
  const versions = tenant && (heldSiteVersions(tenant.id) ?? (await currentSiteVersions(tenant.id)));
  return tenant && versions ? answerHit(exchange, { siteId: tenant.id, versions, target }) : false;
}

function answerHit(exchange: Exchange, page: SitePage): boolean | Promise<boolean> {
  const entry = cachedPage(page.siteId, page.versions, page.target.url);
  if (!entry) return mayBeArticlePath(page.target.path) ? answerStored(exchange, page) : false;
  pageCacheLookups.inc({ result: 'hit' });
  exchange.context.answeredBy = 'page-cache';
  return answerWith(exchange, entry, 'HIT');
}

/**
 * Not in memory: an article page rendered ahead (at publish) is answered from the render store. A miss is
 * noted on the request's context, so the middleware renders it without asking the store again.
 */
async function answerStored(exchange: Exchange, { siteId, versions, target }: SitePage): Promise<boolean> {
  const stored = await fromRenderStore(siteId, versions, target.url);
  if (!stored) return false;
  if (!stored.found) {
    exchange.context.storeMiss = { url: target.url, epoch: stored.epoch };
    return false;
  }
  pageCacheLookups.inc({ result: 'store' });
  exchange.context.answeredBy = 'render-store';
  return answerWith(exchange, stored.found.entry, 'STORE');
}

function answerWith(
  { req, res, context }: Exchange,
  entry: RenderedEntry,
  cache: CacheOutcome,
): boolean | Promise<boolean> {
  context.route = entry.route;
  const answer = answerFor(
    entry,
    {
      method: req.method ?? 'GET',
      acceptEncoding: header(req.headers['accept-encoding']) ?? null,
      ifNoneMatch: header(req.headers['if-none-match']) ?? null,
    },
    cache,
  );
  if (answer instanceof Promise) return answer.then((ready) => send(res, ready));
  return send(res, answer);
}

function send(res: ServerResponse, answer: CachedAnswer): true {
  res.writeHead(answer.status, answer.flatHeaders);
  if (answer.body) res.end(answer.body);
  else res.end();
  return true;
}
