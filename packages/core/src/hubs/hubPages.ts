import type { AreaArticle, AreaHub, AreaHubTree } from './areaHubs.js';

/**
 * Hub pagination. A hub lists at most HUB_PAGE_SIZE articles per page; page 1 is the hub's own path and page
 * n ≥ 2 is `<hub path>/page/<n>` (a path, so every page is a stable URL a crawler follows like any other; a
 * hub path never ends in a number, so the suffix cannot be mistaken for a place). `/page/1`, a page past the
 * last and a malformed number name no page (404). Click depth: the areas index links every page of every
 * hub it lists, so an article on page 7 of a county is as close to `/` as one on page 1.
 */
export const HUB_PAGE_SIZE = 100;

const PAGE_SUFFIX = /^(.*)\/page\/([2-9]|[1-9]\d{1,5})$/;

/**
 * The articles a hub lists: a state hub only its statewide articles (the rest are one click away on its
 * county hubs, which the areas index links directly), a county or city hub every article of its place.
 */
export function hubListing(hub: AreaHub): AreaArticle[] {
  return hub.level === 'state' ? hub.articles : hub.allArticles;
}

export function hubPageCount(hub: AreaHub, size = HUB_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(hubListing(hub).length / size));
}

export function hubPagePath(hubPath: string, page: number): string {
  return page <= 1 ? hubPath : `${hubPath}/page/${page}`;
}

/** The hub path and page number a URL path names (`/page/1` is not a page URL: page 1 is the hub's own path). */
export function parseHubPagePath(path: string): { hubPath: string; page: number } {
  const paged = PAGE_SUFFIX.exec(path);
  return { hubPath: paged?.[1] ?? path, page: paged?.[2] ? Number(paged[2]) : 1 };
}

/** Every page of a hub, page 1 first. */
export function hubPagePaths(hub: AreaHub, size = HUB_PAGE_SIZE): string[] {
  return Array.from({ length: hubPageCount(hub, size) }, (_, i) => hubPagePath(hub.path, i + 1));
}

export interface HubPage {
  hub: AreaHub;
  /** 1-based. */
  page: number;
  pages: number;
  path: string;
  articles: AreaArticle[];
  prevPath: string | null;
  nextPath: string | null;
}

/** The hub page at `path` (`/areas/tx/travis-county` or `/areas/tx/travis-county/page/2`), or null if none. */
export function findHubPage(tree: AreaHubTree, path: string, size = HUB_PAGE_SIZE): HubPage | null {
  const { hubPath, page } = parseHubPagePath(path);
  const hub = tree.hubs.get(hubPath);
  if (!hub) return null;
  const pages = hubPageCount(hub, size);
  if (page > pages) return null;
  return {
    hub,
    page,
    pages,
    path: hubPagePath(hub.path, page),
    articles: hubListing(hub).slice((page - 1) * size, page * size),
    prevPath: page > 1 ? hubPagePath(hub.path, page - 1) : null,
    nextPath: page < pages ? hubPagePath(hub.path, page + 1) : null,
  };
}
