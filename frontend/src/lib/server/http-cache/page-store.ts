import type { SiteVersions } from '../content/site-version.js';
import { createPageCache, type PageCache } from './page-cache.js';
import type { RenderedEntry } from './rendered-entry.js';

/**
 * The process's one page cache. The frontend runs two bundles, each with its own copy of this module: Astro's
 * server (whose middleware renders misses and stores them, serve.ts) and the node:http entry (which answers
 * hits before Astro is entered, src/server/cached-pages.ts). Both must see one cache, or the entry would
 * hold nothing, and there must be one invalidation listener, or an entry could outlive the change that made
 * it stale. So the store lives under a global symbol: the first copy to load creates it, the other finds it.
 * Only the middleware stores entries, and it registers the invalidation listener (`listening`) before its
 * first store, so every stored entry is covered; site versions and invalidations are shared the same way
 * (content/site-version.ts, tenancy/invalidation.ts).
 */
export interface PageStore {
  pages: PageCache<RenderedEntry>;
  /** Concurrent misses of one URL wait for a single render (a cold cache under load renders each page once). */
  rendering: Map<string, Promise<{ entry: RenderedEntry; tags: readonly string[] | undefined }>>;
  listening: boolean;
}

const KEY = Symbol.for('spark.page-cache');
type Holder = { [KEY]?: PageStore };
const holder = globalThis as Holder;
holder[KEY] ??= {
  pages: createPageCache<RenderedEntry>({ maxEntries: 5_000, maxBytes: 96 * 1024 * 1024 }),
  rendering: new Map(),
  listening: false,
};
export const pageStore: PageStore = holder[KEY];

/**
 * The entry for a page URL (request origin + path; query strings are ignored because no tenant page reads
 * them) at the site's current versions, if held.
 */
export function cachedPage(siteId: string, versions: SiteVersions, url: string): RenderedEntry | undefined {
  return pageStore.pages.get(siteId, versions.site, url, versions.articles);
}
