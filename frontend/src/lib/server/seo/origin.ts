import { normalizeHost } from '../tenancy/host.js';

/**
 * The origin canonical and sitemap URLs are built on: the scheme the visitor used (Astro honours
 * X-Forwarded-Proto from the proxy) and the Host the visitor asked for, port included. X-Forwarded-Host is
 * deliberately ignored: it is not what resolved the tenant, and trusting it would let a request write
 * another domain into canonicals.
 */
export function requestOrigin(request: Request, url: URL): string {
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  const rawHost = (request.headers.get('host') ?? url.host).trim().toLowerCase();
  const port = /:(\d{1,5})$/.exec(rawHost)?.[1];
  const hostname = rawHost.replace(/:\d{1,5}$/, '').replace(/\.$/, '');
  // Only a well-formed host name is echoed back; `www.` is kept because it is what the visitor asked for.
  const host = normalizeHost(hostname) ? hostname : url.hostname;
  const defaultPort = scheme === 'https' ? '443' : '80';
  return `${scheme}://${host}${port && port !== defaultPort ? `:${port}` : ''}`;
}

/** Site-relative paths become absolute on the request origin; absolute http(s) URLs pass through. */
export function absoluteUrl(origin: string, pathOrUrl: string | null | undefined): string | null {
  if (!pathOrUrl) return null;
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
  return pathOrUrl.startsWith('/') && !pathOrUrl.startsWith('//') ? origin + pathOrUrl : null;
}
