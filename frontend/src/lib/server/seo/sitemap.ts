import { escapeHtml } from '@spark/core';

/**
 * Sitemaps per the sitemaps.org protocol: `/sitemap.xml` is an index whose children hold at most 50,000 URLs
 * each, grouped by kind so a site with a million articles still has a small, stable pages sitemap. Pure:
 * the route supplies the request origin and the URL lists. Articles, the one kind that reaches 100,000s, are
 * never held in full: the database splits them into children (see `@spark/db` sitemap-articles), and the
 * index gets only each child's summary.
 */
export const SITEMAP_URL_LIMIT = 50_000;

export const SITEMAP_KINDS = ['pages', 'posts', 'articles', 'hubs'] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];

export interface SitemapUrl {
  path: string;
  /** ISO 8601: when the content last changed (never the time of the request). */
  lastmod: string | null;
}

/** The kinds that stay small (pages, posts, hubs), listed in full. */
export type ListedKind = Exclude<SitemapKind, 'articles'>;
export type SitemapUrls = Record<ListedKind, SitemapUrl[]>;

/** One article child as the database counts it: its number and the newest lastmod it holds. */
export interface ChunkSummary {
  number: number;
  lastmod: string | null;
}

export interface SitemapChild {
  kind: SitemapKind;
  number: number;
  path: string;
  lastmod: string | null;
}

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export const childPath = (kind: SitemapKind, number: number) => `/sitemap-${kind}-${number}.xml`;

/** `pages-2` → {kind, number}; anything else is not a sitemap this site serves. */
export function parseChildName(name: string | undefined): { kind: SitemapKind; number: number } | null {
  const match = /^(pages|posts|articles|hubs)-([1-9][0-9]{0,5})$/.exec(name ?? '');
  if (!match?.[1] || !match[2]) return null;
  return { kind: match[1] as SitemapKind, number: Number(match[2]) };
}

function newest(urls: readonly SitemapUrl[]): string | null {
  let latest: string | null = null;
  for (const { lastmod } of urls) if (lastmod && (!latest || lastmod > latest)) latest = lastmod;
  return latest;
}

export function chunkOf(urls: readonly SitemapUrl[], number: number): SitemapUrl[] {
  return urls.slice((number - 1) * SITEMAP_URL_LIMIT, number * SITEMAP_URL_LIMIT);
}

/** One child per 50,000 URLs of each kind, articles as the database split them; kinds without URLs have none. */
export function sitemapChildren(urls: SitemapUrls, articleChunks: readonly ChunkSummary[]): SitemapChild[] {
  const children: SitemapChild[] = [];
  for (const kind of SITEMAP_KINDS) {
    if (kind === 'articles') {
      for (const { number, lastmod } of articleChunks) {
        children.push({ kind, number, path: childPath(kind, number), lastmod });
      }
      continue;
    }
    const chunks = Math.ceil(urls[kind].length / SITEMAP_URL_LIMIT);
    for (let number = 1; number <= chunks; number += 1) {
      children.push({
        kind,
        number,
        path: childPath(kind, number),
        lastmod: newest(chunkOf(urls[kind], number)),
      });
    }
  }
  return children;
}

const lastmodTag = (lastmod: string | null) => (lastmod ? `<lastmod>${escapeHtml(lastmod)}</lastmod>` : '');

export function sitemapIndexXml(origin: string, children: readonly SitemapChild[]): string {
  const entries = children
    .map(
      (child) =>
        `<sitemap><loc>${escapeHtml(origin + child.path)}</loc>${lastmodTag(child.lastmod)}</sitemap>`,
    )
    .join('\n');
  return `${XML_HEADER}<sitemapindex xmlns="${NS}">\n${entries}\n</sitemapindex>\n`;
}

export function urlsetXml(origin: string, urls: readonly SitemapUrl[]): string {
  const entries = urls
    .map((url) => `<url><loc>${escapeHtml(origin + url.path)}</loc>${lastmodTag(url.lastmod)}</url>`)
    .join('\n');
  return `${XML_HEADER}<urlset xmlns="${NS}">\n${entries}\n</urlset>\n`;
}
