import type { InvalidationMessage } from '@spark/contracts';
import type { APIContext, MiddlewareNext } from 'astro';
import { neighbourTagsOf, tagsTouchedBy } from '../content/article-dependencies.js';
import {
  currentSiteVersions,
  heldSiteVersions,
  invalidationsSeen,
  onSiteVersionDropped,
} from '../content/site-version.js';
import { pageCacheLookups } from '../observability/http-metrics.js';
import { logIgnoredFailure } from '../observability/ignored-failure.js';
import { routePattern } from '../observability/route-pattern.js';
import { requestOrigin } from '../seo/origin.js';
import { type AnswerRequest, answerFor, type CacheOutcome } from './cached-answer.js';
import type { PageDependencies } from './page-cache.js';
import { cachedPage, pageStore } from './page-store.js';
import { defaultCacheControl, isStorable } from './policy.js';
import { lookupStoredPage, mayBeArticlePath, storeBehind } from './render-store.js';
import { type RenderedEntry, toRenderedEntry } from './rendered-entry.js';

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
  if (!pageStore.listening) {
    pageStore.listening = true;
    onSiteVersionDropped(dropStalePages);
  }
  const versions = heldSiteVersions(tenant.id) ?? (await currentSiteVersions(tenant.id));
  const url = requestOrigin(context.request, context.url) + context.url.pathname;
  const hit = versions === null ? undefined : cachedPage(tenant.id, versions, url);
  pageCacheLookups.inc({ result: hit ? 'hit' : 'miss' });
  if (hit) return respond(hit, context.request, 'HIT');

  // A render that overlaps an invalidation of its site may have read content from before it: not stored.
  const seen = invalidationsSeen(tenant.id);
  // Not in memory: an article page may have been rendered ahead (at publish) into the render store.
  const stored =
    versions === null || !mayBeArticlePath(context.url.pathname)
      ? null
      : await lookupStoredPage(tenant.id, url, versions.site);
  if (versions !== null && stored?.found) {
    const { entry, tags } = stored.found;
    if (invalidationsSeen(tenant.id) === seen) pages.set(tenant.id, versions.site, url, entry, { tags });
    return respond(entry, context.request, 'STORE');
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
    pages.set(tenant.id, versions.site, url, entry, dependencies);
    // Article pages (the only tagged ones) go to the render store too, written behind the response.
    if (renders && tags && stored && method === 'GET')
      storeBehind(tenant.id, url, versions.site, entry, tags, stored.epoch);
  }
  return respond(entry, context.request, 'MISS');
}

/**
 * A whole-site change drops the site's pages; an article change drops the pages that show those articles,
 * at once, and then those that would show them now (found with a query; until it answers, such a page may
 * still be served as it was).
 */
function dropStalePages(message: InvalidationMessage): void {
  const { siteId, articleIds } = message;
  if (siteId === null || !articleIds) {
    pages.dropSite(siteId);
    return;
  }
  pages.dropTags(siteId, tagsTouchedBy(articleIds));
  neighbourTagsOf(siteId, articleIds)
    .then((tags) => pages.dropTags(siteId, tags))
    .catch((error: unknown) => {
      // Cannot tell which pages would list them now: drop the site's pages rather than keep stale ones.
      logIgnoredFailure('neighbouring article pages lookup', error);
      pages.dropSite(siteId);
    });
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
