/**
 * URL shapes a tenant site answers. Checked before any lookup, so malformed paths are a 404 without touching
 * a cache or Directus, and cache keys are only ever built from these shapes.
 */
const PERMALINK = /^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*)?$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const BLOG_PAGE_SIZE = 9;

/** `undefined` or `a/b` (Astro's rest parameter) → `/a/b` when it is a valid page permalink. */
export function permalinkFrom(restParam: string | undefined): string | null {
  const permalink = `/${(restParam ?? '').replace(/\/+$/, '')}`;
  return permalink.length <= 255 && PERMALINK.test(permalink) ? permalink : null;
}

export function isSlug(value: string | undefined): value is string {
  return value !== undefined && value.length <= 120 && SLUG.test(value);
}

/** A single-segment permalink names a generated article too (`/best-roofers-austin`). */
export function articleSlugFrom(permalink: string): string | null {
  const slug = permalink.slice(1);
  return isSlug(slug) ? slug : null;
}

/** `/blog/page/<n>` → n ≥ 2 (page 1 lives at `/blog`); anything else is not a listing page. */
export function blogPageNumber(raw: string | undefined): number | null {
  if (!raw || !/^[1-9][0-9]{0,5}$/.test(raw)) return null;
  const page = Number(raw);
  return page >= 2 ? page : null;
}

export const postPath = (slug: string) => `/blog/${slug}`;
export const blogPagePath = (page: number) => (page <= 1 ? '/blog' : `/blog/page/${page}`);

/** The single-segment paths of `isReservedPath`: an article with one of these slugs can never be reached. */
export const RESERVED_SLUGS = ['blog', 'areas', 'offline', 'form-sent'] as const;

/** Paths the site's own routes serve; a page or article at one of them can never be reached. */
export function isReservedPath(path: string): boolean {
  return (
    path === '/blog' ||
    path.startsWith('/blog/') ||
    path === '/areas' ||
    path.startsWith('/areas/') ||
    path === '/offline' ||
    path === '/form-sent'
  );
}
