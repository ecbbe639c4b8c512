import type { InvalidationMessage } from '@spark/contracts';
import { neighbourTagsOf, tagsTouchedBy } from '../content/article-dependencies.js';
import { onSiteVersionDropped } from '../content/site-version.js';
import { logIgnoredFailure } from '../observability/ignored-failure.js';
import { pageStore } from './page-store.js';

/**
 * Registers, once per process, the listener that drops stale pages from the memory cache. Call before the
 * first entry is stored (by the middleware or the node:http entry, whichever stores first): an entry stored
 * without it could outlive the change that made it stale.
 */
export function listenForStalePages(): void {
  if (pageStore.listening) return;
  pageStore.listening = true;
  onSiteVersionDropped(dropStalePages);
}

/**
 * A whole-site change drops the site's pages; an article change drops the pages that show those articles,
 * at once, and then those that would show them now (found with a query; until it answers, such a page may
 * still be served as it was).
 */
function dropStalePages(message: InvalidationMessage): void {
  const { pages } = pageStore;
  const { siteId, articleIds } = message;
  if (siteId === null || !articleIds) {
    pages.dropSite(siteId);
    return;
  }
  pages.dropTags(siteId, tagsTouchedBy(articleIds));
  neighbourTagsOf(siteId, articleIds)
    .then((tags) => pages.dropTags(siteId, tags))
    .catch((error: unknown) => {
      // Cannot tell which pages would list them now: drop the site's pages rather than keep stale ones.
      logIgnoredFailure('neighbouring article pages lookup', error);
      pages.dropSite(siteId);
    });
}
