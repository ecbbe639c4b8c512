import { findOrphans } from '../linking/findOrphans.js';

/** The link graph of published articles as insert-links left it. */
export interface LinkGraphFigures {
  articles: number;
  /** The fewest internal links any article has (hubs, nearby articles, contextual anchors). */
  minLinksPerArticle: number;
  /** Published articles no other published article links to. */
  orphans: number;
}

export function measureLinkGraph(
  articles: readonly { id: string; links: number }[],
  articleEdges: readonly { sourceId: string; targetId: string }[],
): LinkGraphFigures {
  return {
    articles: articles.length,
    minLinksPerArticle: articles.length === 0 ? 0 : Math.min(...articles.map((article) => article.links)),
    orphans: findOrphans(articles, articleEdges).length,
  };
}

/** A page as a crawler sees it: its HTML when it answered 200 with HTML, otherwise null. */
export type FetchPage = (path: string) => Promise<string | null>;

/** Paths a crawler does not follow: the API, the admin, assets, images and files with an extension. */
const NOT_A_PAGE = /^\/(api|admin|assets|_astro|og|js)\b|\.\w+$/;

/** Same-site links of a page, as paths (fragments and query strings of plain links are dropped). */
export function sameSitePaths(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#?]*)[^"]*"/g)].flatMap((match) =>
    match[1] && !match[1].startsWith('//') && !NOT_A_PAGE.test(match[1]) ? [match[1]] : [],
  );
}

/**
 * Breadth-first from `start`: the fewest clicks to every same-site path reached within `maxClicks`. Pages at
 * the last depth are not fetched (their links would be one click too far), so the cost is the pages above it.
 */
export async function crawlClickDepths(
  fetchPage: FetchPage,
  maxClicks: number,
  start = '/',
): Promise<Map<string, number>> {
  const depths = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let clicks = 1; clicks <= maxClicks && frontier.length > 0; clicks += 1) {
    const next: string[] = [];
    for (const path of frontier) {
      const html = await fetchPage(path);
      if (html === null) continue;
      for (const href of sameSitePaths(html)) {
        if (depths.has(href)) continue;
        depths.set(href, clicks);
        next.push(href);
      }
    }
    frontier = next;
  }
  return depths;
}

/**
 * The deepest click depth among `paths`, or null when some path was not reached within the crawl
 * (`missing` lists those).
 */
export function maxClickDepth(
  depths: ReadonlyMap<string, number>,
  paths: readonly string[],
): { max: number | null; missing: string[] } {
  const missing = paths.filter((path) => !depths.has(path));
  const max = paths.reduce((deepest, path) => Math.max(deepest, depths.get(path) ?? 0), 0);
  return { max: missing.length > 0 ? null : max, missing };
}
