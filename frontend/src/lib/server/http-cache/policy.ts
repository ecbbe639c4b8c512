/**
 * Cache-Control for anonymous tenant responses: shared caches (CDN, proxy) may keep a page 60 s and serve it
 * stale for 10 min while revalidating; browsers revalidate with the ETag (a cheap 304).
 */
export const PUBLIC_PAGE_CACHE_CONTROL = 'public, s-maxage=60, stale-while-revalidate=600';

/** Not-found answers are shared briefly too, so a crawler's dead links do not all reach the renderer. */
export const NOT_FOUND_CACHE_CONTROL = 'public, s-maxage=60';

export function defaultCacheControl(status: number): string | null {
  if (status === 200) return PUBLIC_PAGE_CACHE_CONTROL;
  if (status === 404 || status === 410) return NOT_FOUND_CACHE_CONTROL;
  return null;
}

/** Only plain, anonymous successes are kept in the in-process page cache. */
export function isStorable(status: number, headers: Headers): boolean {
  if (status !== 200 || headers.has('set-cookie')) return false;
  const cacheControl = headers.get('cache-control') ?? '';
  return !/\b(no-store|private|no-cache)\b/i.test(cacheControl);
}
