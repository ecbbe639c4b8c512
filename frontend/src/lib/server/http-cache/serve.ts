import type { APIContext, MiddlewareNext } from 'astro';
import { currentSiteVersion, heldSiteVersion, onSiteVersionDropped } from '../content/site-version.js';
import { pageCacheLookups } from '../observability/http-metrics.js';
import { requestOrigin } from '../seo/origin.js';
import { chooseEncoding, matchesIfNoneMatch } from './negotiate.js';
import { createPageCache } from './page-cache.js';
import { defaultCacheControl, isStorable } from './policy.js';
import {
  type RenderedEntry,
  type Representation,
  representationOf,
  toRenderedEntry,
} from './rendered-entry.js';

const pages = createPageCache<RenderedEntry>({ maxEntries: 5_000, maxBytes: 96 * 1024 * 1024 });
/** Concurrent misses of one URL wait for a single render (a cold cache under load renders each page once). */
const rendering = new Map<string, Promise<RenderedEntry>>();
let listening = false;

/**
 * Post-processing for tenant GET/HEAD responses, called once from the middleware: serves rendered pages from
 * memory while the site's content version is unchanged, adds Cache-Control and ETag, answers
 * If-None-Match with 304, and compresses (Brotli or gzip) when the client accepts it. The cache key is the
 * request origin and path; query strings are ignored because no tenant page reads them.
 */
export async function serveTenantResponse(context: APIContext, next: MiddlewareNext): Promise<Response> {
  const tenant = context.locals.tenant;
  const method = context.request.method;
  if (!tenant || (method !== 'GET' && method !== 'HEAD')) return next();
  if (!listening) {
    listening = true;
    onSiteVersionDropped((siteId) => pages.dropSite(siteId));
  }
  const version = heldSiteVersion(tenant.id) ?? (await currentSiteVersion(tenant.id));
  const url = requestOrigin(context.request, context.url) + context.url.pathname;
  const hit = version === null ? undefined : pages.get(tenant.id, version, url);
  pageCacheLookups.inc({ result: hit ? 'hit' : 'miss' });
  if (hit) return respond(hit, context.request);

  const flightKey = `${tenant.id}\u0000${version}\u0000${url}`;
  let flight = rendering.get(flightKey);
  if (!flight) {
    flight = renderEntry(next).finally(() => rendering.delete(flightKey));
    rendering.set(flightKey, flight);
  }
  const entry = await flight;
  if (version !== null && isStorable(entry.status, entry.headers)) pages.set(tenant.id, version, url, entry);
  return respond(entry, context.request);
}

async function renderEntry(next: MiddlewareNext): Promise<RenderedEntry> {
  const response = await next();
  const entry = await toRenderedEntry(response);
  const cacheControl = defaultCacheControl(entry.status);
  if (cacheControl && !entry.headers.has('cache-control')) entry.headers.set('cache-control', cacheControl);
  return entry;
}

function respond(entry: RenderedEntry, request: Request): Response | Promise<Response> {
  // Redirects and errors pass through unchanged apart from their buffered body.
  if (entry.status !== 200 && entry.status !== 404 && entry.status !== 410) {
    const body = request.method === 'HEAD' ? null : new Uint8Array(entry.body);
    return new Response(body, { status: entry.status, headers: entry.headers });
  }
  const encoding = entry.compressible ? chooseEncoding(request.headers.get('accept-encoding')) : 'identity';
  const representation = representationOf(entry, encoding);
  return representation instanceof Promise
    ? representation.then((ready) => send(entry, ready, request))
    : send(entry, representation, request);
}

function send(entry: RenderedEntry, representation: Representation, request: Request): Response {
  if (entry.status === 200 && matchesIfNoneMatch(request.headers.get('if-none-match'), representation.etag)) {
    return new Response(null, { status: 304, headers: representation.notModifiedHeaders });
  }
  const body = request.method === 'HEAD' ? null : representation.body;
  return new Response(body, { status: entry.status, headers: representation.headers });
}
