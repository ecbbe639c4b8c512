import type { SiteChrome } from '../content/site.js';

/** Icons are the site's own (globals): an SVG favicon scales to any size, the logo is the fallback. */
function iconsOf(site: SiteChrome): { src: string; sizes: string; type?: string; purpose: string }[] {
  const sources = [site.faviconUrl, site.logoUrl].filter((url): url is string => url !== null);
  return [...new Set(sources)].map((src) => ({
    src,
    sizes: src.endsWith('.svg') ? 'any' : '512x512',
    ...(src.endsWith('.svg') ? { type: 'image/svg+xml' } : src.endsWith('.png') ? { type: 'image/png' } : {}),
    purpose: 'any',
  }));
}

/** The per-tenant web app manifest (name, colours and icons from the site's globals). */
export function webManifest(site: SiteChrome): Record<string, unknown> {
  const shortName =
    site.name.length <= 12 ? site.name : (site.name.split(/\s+/)[0] ?? site.name).slice(0, 12);
  return {
    name: site.name,
    short_name: shortName,
    description: site.tagline ?? site.name,
    id: '/',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: site.colors.background,
    theme_color: site.colors.primary,
    icons: iconsOf(site),
  };
}
