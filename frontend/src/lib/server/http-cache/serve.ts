import { PRERENDER_HEADER } from '@spark/contracts';
import type { APIContext, MiddlewareNext } from 'astro';
import { currentSiteVersions, heldSiteVersions, invalidationsSeen } from '../content/site-version.js';
import { pageCacheLookups } from '../observability/http-metrics.js';
import { currentRequestContext } from '../observability/request-context.js';
import { routePattern } from '../observability/route-pattern.js';
import { requestOrigin } from '../seo/origin.js';
import { type AnswerRequest, answerFor, type CacheOutcome } from './cached-answer.js';
import type { PageDependencies } from './page-cache.js';
import { cachedPage, pageStore } from './page-store.js';
import { defaultCacheControl, isStorable } from './policy.js';
import { fromRenderStore, mayBeArticlePath, storeBehind } from './render-store.js';
import { type RenderedEntry, toRenderedEntry } from './rendered-entry.js';
import { listenForStalePages } from './stale-pages.js';

const { pages, rendering } = pageStore;

/**
 * Post-processing for tenant GET/HEAD responses, called once from the middleware: serves rendered pages from
 * memory while the site's content version is unchanged, adds Cache-Control and ETag, answers
 * If-None-Match with 304, and compresses (Brotli or gzip) when the client accepts it. The cache key is the
 * request origin and path; query strings are ignored because no tenant page reads them. `x-cache` says
 * whether the answer came from memory (HIT), from the render store (STORE: an article page rendered ahead,
 * e.g. at publish, by any frontend process) or was rendered (MISS).
 *
 * An article page names what it shows (`locals.pageTags`); an article change drops only the pages whose tags
 * it touches. Every other page depends on the site's whole article set and is not served once it moved.
 */
export async function serveTenantResponse(context: APIContext, next: MiddlewareNext): Promise<Response> {
  const tenant = context.locals.tenant;
  const method = context.request.method;
  if (!tenant || (method !== 'GET' && method !== 'HEAD')) return next();
  listenForStalePages();
  const versions = heldSiteVersions(tenant.id) ?? (await currentSiteVersions(tenant.id));
  const url = requestOrigin(context.request, context.url) + context.url.pathname;
  const hit = versions === null ? undefined : cachedPage(tenant.id, versions, url);
  if (hit) {
    pageCacheLookups.inc({ result: 'hit' });
    return respond(hit, context.request, 'HIT');
  }

  // A render that overlaps an invalidation of its site may have read content from before it: not stored.
  const seen = invalidationsSeen(tenant.id);
  // Not in memory: an article page may have been rendered ahead (at publish) into the render store. The node:http
  // entry may have asked already (and found nothing) for this request.
  const askedBefore = currentRequestContext()?.storeMiss;
  const stored =
    versions === null || !mayBeArticlePath(context.url.pathname)
      ? null
      : askedBefore?.url === url
        ? { found: null, epoch: askedBefore.epoch }
        : await fromRenderStore(tenant.id, versions, url);
  if (stored?.found) {
    pageCacheLookups.inc({ result: 'store' });
    return respond(stored.found.entry, context.request, 'STORE');
  }
  const flightKey = `${tenant.id}\u0000${versions?.content}\u0000${url}`;
  let flight = rendering.get(flightKey);
  const renders = !flight;
  if (!flight) {
    flight = renderEntry(context, next).finally(() => rendering.delete(flightKey));
    rendering.set(flightKey, flight);
  }
  const { entry, tags } = await flight;
  if (versions !== null && isStorable(entry.status, entry.headers) && invalidationsSeen(tenant.id) === seen) {
    const dependencies: PageDependencies = tags ? { tags } : { articleSet: versions.articles };
    if (!context.request.headers.has(PRERENDER_HEADER))
      pages.set(tenant.id, versions.site, url, entry, dependencies);
    // Article pages (the only tagged ones) go to the render store too, written behind the response.
    if (renders && tags && stored && method === 'GET')
      storeBehind(tenant.id, url, versions.site, entry, tags, stored.epoch);
  }
  pageCacheLookups.inc({ result: 'miss' });
  return respond(entry, context.request, 'MISS');
}

async function renderEntry(
  context: APIContext,
  next: MiddlewareNext,
): Promise<{ entry: RenderedEntry; tags: readonly string[] | undefined }> {
  const response = await next();
  const entry = await toRenderedEntry(response);
  // Astro marks rendered pages with this header and deletes it from what the middleware returns; the node:http
  // entry sends entries as stored, so it must not be stored.
  entry.headers.delete('x-astro-route-type');
  const cacheControl = defaultCacheControl(entry.status);
  if (cacheControl && !entry.headers.has('cache-control')) entry.headers.set('cache-control', cacheControl);
  entry.route = routePattern(context.url.pathname, context.params);
  return { entry, tags: context.locals.pageTags };
}

async function respond(entry: RenderedEntry, request: Request, cache: CacheOutcome): Promise<Response> {
  const facts: AnswerRequest = {
    method: request.method,
    acceptEncoding: request.headers.get('accept-encoding'),
    ifNoneMatch: request.headers.get('if-none-match'),
  };
  const { status, headers, body } = await answerFor(entry, facts, cache);
  return new Response(body, { status, headers });
}
