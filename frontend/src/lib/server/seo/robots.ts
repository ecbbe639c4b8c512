/**
 * robots.txt for a tenant host: everything public may be crawled except the API and the offline fallback,
 * and the sitemap index is named with an absolute URL on the same host (the protocol requires both).
 */
export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /api/',
    'Disallow: /offline',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}
