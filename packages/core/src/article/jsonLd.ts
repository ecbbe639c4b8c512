import { truncateAtWord } from './meta.js';

export interface BreadcrumbEntry {
  readonly name: string;
  readonly url: string;
}

export interface ArticleSchemaInput {
  readonly headline: string;
  readonly description: string;
  readonly url: string;
  readonly siteName: string;
  readonly siteUrl: string;
  readonly logoUrl?: string;
  readonly imageUrl?: string;
  readonly authorName?: string;
  readonly language?: string;
  readonly wordCount?: number;
  /** e.g. "Austin, TX" — becomes contentLocation. */
  readonly locationName?: string;
  /** Ancestors of the article, root first; the article itself is appended as the last crumb. */
  readonly breadcrumbs: readonly BreadcrumbEntry[];
}

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface ArticleSchema {
  readonly '@context': 'https://schema.org';
  readonly '@graph': readonly [JsonObject, JsonObject];
}

// Google truncates Article.headline beyond 110 characters.
const HEADLINE_MAX = 110;

/**
 * JSON-LD graph with an Article and its BreadcrumbList. Built at generation time, so it carries no
 * dates: datePublished is added by markArticlePublished when the article actually goes live.
 */
export function buildArticleSchema(input: ArticleSchemaInput): ArticleSchema {
  const publisher: JsonObject = { '@type': 'Organization', name: input.siteName, url: input.siteUrl };
  if (input.logoUrl !== undefined) publisher.logo = { '@type': 'ImageObject', url: input.logoUrl };
  const article: JsonObject = {
    '@type': 'Article',
    '@id': `${input.url}#article`,
    headline: truncateAtWord(input.headline, HEADLINE_MAX),
    description: input.description,
    url: input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    author:
      input.authorName === undefined
        ? { '@type': 'Organization', name: input.siteName, url: input.siteUrl }
        : { '@type': 'Person', name: input.authorName },
    publisher,
  };
  if (input.imageUrl !== undefined) article.image = input.imageUrl;
  if (input.language !== undefined) article.inLanguage = input.language;
  if (input.wordCount !== undefined) article.wordCount = input.wordCount;
  if (input.locationName !== undefined)
    article.contentLocation = { '@type': 'Place', name: input.locationName };
  const crumbs = [...input.breadcrumbs, { name: input.headline, url: input.url }];
  const breadcrumbList: JsonObject = {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
  return { '@context': 'https://schema.org', '@graph': [article, breadcrumbList] };
}

/** True for a stored value shaped like `buildArticleSchema`'s output (Article + BreadcrumbList graph). */
export function isArticleSchema(value: unknown): value is ArticleSchema {
  if (!value || typeof value !== 'object') return false;
  const graph = (value as { '@graph'?: unknown })['@graph'];
  return (
    Array.isArray(graph) && graph.length === 2 && graph.every((node) => node && typeof node === 'object')
  );
}

/**
 * Stamps the publication time. Takes the injected `now` rather than an arbitrary date so callers
 * cannot backdate; an existing datePublished is kept (re-publishing is a modification).
 */
export function markArticlePublished(schema: ArticleSchema, now: Date): ArticleSchema {
  const [article, breadcrumbs] = schema['@graph'];
  const stamp = now.toISOString();
  const datePublished = typeof article.datePublished === 'string' ? article.datePublished : stamp;
  return {
    '@context': schema['@context'],
    '@graph': [{ ...article, datePublished, dateModified: stamp }, breadcrumbs],
  };
}
