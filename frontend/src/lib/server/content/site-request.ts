import type { AstroGlobal } from 'astro';
import { setPageStatus } from '../http.js';
import { contentSecurityPolicy } from '../seo/csp.js';
import { requestOrigin } from '../seo/origin.js';
import type { Tenant } from '../tenancy/resolve-tenant.js';
import { loadSiteChrome, type SiteChrome } from './site.js';

export interface SiteRequest {
  tenant: Tenant;
  site: SiteChrome;
  /** Scheme + host (+ port) the visitor used: the base of canonical and structured-data URLs. */
  origin: string;
  path: string;
}

type PageAstro = Pick<AstroGlobal, 'locals' | 'request' | 'url' | 'response'>;

/** Per chrome object, which is reused while the site's content is unchanged (see loadSiteChrome). */
const policies = new WeakMap<SiteChrome, string>();

function sitePolicy(site: SiteChrome): string {
  let policy = policies.get(site);
  if (policy === undefined) {
    policy = contentSecurityPolicy(site.allowedScriptSources);
    policies.set(site, policy);
  }
  return policy;
}

/**
 * The common start of every tenant page: the tenant the middleware resolved, the site chrome, the request
 * origin, and the response's Content-Security-Policy (script sources from the site's globals). Null on the
 * platform host.
 */
export async function loadSiteRequest(astro: PageAstro): Promise<SiteRequest | null> {
  const tenant = astro.locals.tenant;
  if (!tenant) return null;
  const site = await loadSiteChrome(tenant);
  astro.response.headers.set('content-security-policy', sitePolicy(site));
  return { tenant, site, origin: requestOrigin(astro.request, astro.url), path: astro.url.pathname };
}

/**
 * Answers 404 with the page being rendered (the tenant's own not-found page). `X-Astro-Reroute: no` stops
 * Astro from rendering a second, generic error page on top of it; Astro strips the header before sending.
 */
export function markNotFound(astro: Pick<AstroGlobal, 'response'>): void {
  setPageStatus(astro.response, 404);
  astro.response.headers.set('X-Astro-Reroute', 'no');
}
