import { defineMiddleware, sequence } from 'astro:middleware';
import { serverEnv } from './lib/server/env.js';
import { serveTenantResponse } from './lib/server/http-cache/serve.js';
import { log } from './lib/server/observability/logger.js';
import { currentRequestContext } from './lib/server/observability/request-context.js';
import { routePattern } from './lib/server/observability/route-pattern.js';
import { normalizeHost } from './lib/server/tenancy/host.js';
import { resolveTenant } from './lib/server/tenancy/resolve-tenant.js';

/**
 * Names the route that answered for the request's log line and latency metric. A 404 without params is Astro's
 * fallback page for a path no route matched: its path is left out, so invented URLs cannot grow the label set.
 */
const labelRoute = defineMiddleware(async (context, next) => {
  const response = await next();
  const request = currentRequestContext();
  const matched = Object.keys(context.params).length > 0 || response.status !== 404;
  if (request && matched) request.route = routePattern(context.url.pathname, context.params);
  return response;
});

/**
 * Host → site for every page request. API routes resolve (or authenticate) for themselves, so they pass through.
 * The platform host serves the admin UI and the platform home; any other host must be a known site, or it gets
 * a plain 404 — never another tenant's content.
 */
const resolveSite = defineMiddleware(async (context, next) => {
  context.locals.tenant = null;
  context.locals.isPlatformHost = false;
  // /assets/ streams public uploads (lib/server/content/assets.ts): no tenant page, nothing for the page cache.
  const { pathname } = context.url;
  if (pathname.startsWith('/api/') || pathname.startsWith('/_astro/') || pathname.startsWith('/assets/'))
    return next();

  const host = normalizeHost(context.request.headers.get('host'));
  if (host && host === normalizeHost(serverEnv().PUBLIC_PLATFORM_HOST)) {
    context.locals.isPlatformHost = true;
    return next();
  }
  if (context.url.pathname.startsWith('/admin')) return unknownSite(404);
  let tenant: Awaited<ReturnType<typeof resolveTenant>>;
  try {
    tenant = await resolveTenant(host);
  } catch (error) {
    // PostgreSQL down or restarting: say so honestly; the pool reconnects by itself once it is back.
    log().error({ err: error }, 'tenant lookup failed');
    return unavailable();
  }
  if (!tenant) return unknownSite(404);
  context.locals.tenant = tenant;
  return serveTenantResponse(context, next);
});

export const onRequest = sequence(labelRoute, resolveSite);

/** `X-Astro-Reroute: no` — an error status must not make Astro render its 404 route through this middleware again. */
const FINAL_PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-astro-reroute': 'no',
};

function unavailable(): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable</title>
<meta name="robots" content="noindex"></head><body style="font-family:system-ui;margin:4rem auto;max-width:32rem">
<h1>Temporarily unavailable</h1><p>This site is having a moment. Please try again in a minute.</p></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { ...FINAL_PAGE_HEADERS, 'retry-after': '30' },
  });
}

function unknownSite(status: number): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Site not found</title>
<meta name="robots" content="noindex"></head><body style="font-family:system-ui;margin:4rem auto;max-width:32rem">
<h1>Site not found</h1><p>This address is not served by Spark. Check the spelling of the domain.</p></body></html>`;
  return new Response(html, {
    status,
    headers: FINAL_PAGE_HEADERS,
  });
}
