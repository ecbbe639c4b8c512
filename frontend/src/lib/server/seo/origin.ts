import { normalizeHost } from '../tenancy/host.js';

/**
 * The origin canonical and sitemap URLs are built on: the scheme the visitor used (Astro honours
 * X-Forwarded-Proto from the proxy) and the Host the visitor asked for, port included. X-Forwarded-Host is
 * deliberately ignored: it is not what resolved the tenant, and trusting it would let a request write
 * another domain into canonicals.
 */
export function requestOrigin(request: Request, url: URL): string {
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  const { hostname, port } = hostParts(request.headers.get('host') ?? url.host);
  // Only a well-formed host name is echoed back; `www.` is kept because it is what the visitor asked for.
  return originOf(scheme, normalizeHost(hostname) ? hostname : url.hostname, port);
}

/**
 * The same origin from the scheme and the raw Host header alone, or undefined when the header names no
 * well-formed host (where `requestOrigin` would fall back to the URL's host name).
 */
export function hostHeaderOrigin(scheme: 'http' | 'https', hostHeader: string): string | undefined {
  const { hostname, port } = hostParts(hostHeader);
  return normalizeHost(hostname) ? originOf(scheme, hostname, port) : undefined;
}

function hostParts(rawHost: string): { hostname: string; port: string | undefined } {
  const host = rawHost.trim().toLowerCase();
  return {
    hostname: host.replace(/:\d{1,5}$/, '').replace(/\.$/, ''),
    port: /:(\d{1,5})$/.exec(host)?.[1],
  };
}

function originOf(scheme: 'http' | 'https', host: string, port: string | undefined): string {
  const defaultPort = scheme === 'https' ? '443' : '80';
  return `${scheme}://${host}${port && port !== defaultPort ? `:${port}` : ''}`;
}

/** Site-relative paths become absolute on the request origin; absolute http(s) URLs pass through. */
export function absoluteUrl(origin: string, pathOrUrl: string | null | undefined): string | null {
  if (!pathOrUrl) return null;
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
  return pathOrUrl.startsWith('/') && !pathOrUrl.startsWith('//') ? origin + pathOrUrl : null;
}
