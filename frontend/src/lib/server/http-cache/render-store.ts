import {
  lookupRenderedPages,
  type RenderedPageKey,
  type RenderedPageLookup,
  storeRenderedPage,
} from '@spark/db';
import { database } from '../connections.js';
import { articleSlugFrom, isReservedPath } from '../content/paths.js';
import { invalidationsSeen, type SiteVersions } from '../content/site-version.js';
import { logIgnoredFailure } from '../observability/ignored-failure.js';
import { pageStore } from './page-store.js';
import { type RenderedEntry, renderedEntryOf } from './rendered-entry.js';
import { listenForStalePages } from './stale-pages.js';

/**
 * The frontend's side of the render store (`@spark/db` rendered-pages): article pages rendered once (at
 * publish, by the worker's prerender requests, or by a first visitor) are kept in PostgreSQL under the site id
 * resolved from the host and the site's content version, so a page no visitor of this process asked for yet
 * is answered without rendering. Writers delete the rows an article change makes stale (and bump the site's
 * epoch) through the one invalidation function; a whole-site change moves the site version the rows are keyed
 * by. A store that cannot be reached only costs a render.
 */
export interface StoredLookup {
  /** The stored page as a memory-cache entry, with its tags, or null. */
  found: { entry: RenderedEntry; tags: readonly string[] } | null;
  /** The site's epoch at the lookup: a page rendered after this miss is stored only if it is unchanged. */
  epoch: string;
}

/**
 * Only article pages are stored, and an article lives at a single-segment slug path: other paths (home, hubs,
 * sitemaps, assets) skip the lookup's round trip.
 */
export function mayBeArticlePath(pathname: string): boolean {
  return articleSlugFrom(pathname) !== null && !isReservedPath(pathname);
}

/**
 * The article page at `url` from the render store, kept in memory for the next request (unless an
 * invalidation of the site arrived while it was read: the row may be gone by now). Null when the store could
 * not be asked (the caller renders as if it did not exist).
 */
export async function fromRenderStore(
  siteId: string,
  versions: SiteVersions,
  url: string,
): Promise<StoredLookup | null> {
  const seen = invalidationsSeen(siteId);
  const stored = await lookupStoredPage(siteId, url, versions.site);
  if (stored?.found) {
    listenForStalePages();
    const { entry, tags } = stored.found;
    if (invalidationsSeen(siteId) === seen) pageStore.pages.set(siteId, versions.site, url, entry, { tags });
  }
  return stored;
}

interface WaitingLookup {
  key: RenderedPageKey;
  resolve: (found: RenderedPageLookup) => void;
  reject: (error: unknown) => void;
}
let waiting: WaitingLookup[] = [];
/** Keys per statement: bounds its size when many requests arrive at once. */
const LOOKUPS_PER_STATEMENT = 64;

/**
 * Lookups made in one turn of the event loop go to PostgreSQL together, in one statement: under load (a crawler
 * walking the long tail with many connections) that is one round trip for many pages instead of a queue for
 * the pool's connections; alone, a lookup waits for nothing but the end of the current turn.
 */
function lookupTogether(key: RenderedPageKey): Promise<RenderedPageLookup> {
  return new Promise((resolve, reject) => {
    if (waiting.length === 0) setImmediate(lookUpWaiting);
    waiting.push({ key, resolve, reject });
  });
}

function lookUpWaiting(): void {
  const batch = waiting;
  waiting = [];
  for (let at = 0; at < batch.length; at += LOOKUPS_PER_STATEMENT) {
    const share = batch.slice(at, at + LOOKUPS_PER_STATEMENT);
    lookupRenderedPages(
      database(),
      share.map((lookup) => lookup.key),
    ).then(
      (found) =>
        share.forEach((lookup, n) => {
          lookup.resolve(found[n] ?? { page: null, epoch: '0' });
        }),
      (error: unknown) =>
        share.forEach((lookup) => {
          lookup.reject(error);
        }),
    );
  }
}

async function lookupStoredPage(
  siteId: string,
  url: string,
  siteVersion: string,
): Promise<StoredLookup | null> {
  try {
    const { page, epoch } = await lookupTogether({ siteId, url, siteVersion });
    if (!page) return { found: null, epoch };
    const headers = new Headers(page.headers as [string, string][]);
    const entry: RenderedEntry = {
      ...renderedEntryOf(page.status, headers, page.body, page.hash),
      route: '/[...path]',
    };
    return { found: { entry, tags: page.tags }, epoch };
  } catch (error) {
    logIgnoredFailure('render store lookup', error);
    return null;
  }
}

/**
 * Writes a freshly rendered article page behind the response (never awaited by it): a failure is logged and
 * costs only a later render. Refused by the store when an invalidation ran since `epoch` was read.
 */
export function storeBehind(
  siteId: string,
  url: string,
  siteVersion: string,
  entry: RenderedEntry,
  tags: readonly string[],
  epoch: string,
): void {
  storeRenderedPage(
    database(),
    {
      siteId,
      url,
      siteVersion,
      tags,
      status: entry.status,
      headers: [...entry.headers],
      body: entry.body,
      hash: entry.hash,
    },
    epoch,
  ).catch((error: unknown) => logIgnoredFailure('render store write', error));
}
