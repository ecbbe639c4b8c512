import { buildArticleSchema, type JsonObject } from '@spark/core';
import type { SiteChrome } from '../content/site.js';
import { absoluteUrl } from './origin.js';

/** schema.org structured data for tenant pages, emitted as one `@graph` per page. */

export interface Crumb {
  name: string;
  url: string;
}

export function organizationSchema(site: SiteChrome, origin: string): JsonObject {
  const org: JsonObject = {
    '@type': 'Organization',
    '@id': `${origin}/#organization`,
    name: site.name,
    url: `${origin}/`,
  };
  const logo = absoluteUrl(origin, site.logoUrl);
  if (logo) org.logo = { '@type': 'ImageObject', url: logo };
  if (site.socialLinks.length > 0) org.sameAs = site.socialLinks.map((link) => link.url);
  return org;
}

export function breadcrumbSchema(crumbs: readonly Crumb[]): JsonObject {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

export interface ArticleLike {
  kind: 'BlogPosting' | 'Article';
  headline: string;
  description: string;
  url: string;
  imageUrl: string | null;
  authorName: string | null;
  wordCount?: number;
  publishedAt: string;
  modifiedAt: string | null;
  /** Ancestors, root first; the article itself is appended by the builder. */
  crumbs: readonly Crumb[];
}

/**
 * Article / BlogPosting + BreadcrumbList, built by the engine's builder so generated articles and posts
 * share one shape. Dates are the stored, honest ones: published_at is when the item went live.
 */
export function articleSchemas(site: SiteChrome, origin: string, item: ArticleLike): JsonObject[] {
  const logoUrl = absoluteUrl(origin, site.logoUrl);
  const schema = buildArticleSchema({
    headline: item.headline,
    description: item.description,
    url: item.url,
    siteName: site.name,
    siteUrl: `${origin}/`,
    ...(logoUrl ? { logoUrl } : {}),
    ...(item.imageUrl ? { imageUrl: item.imageUrl } : {}),
    ...(item.authorName ? { authorName: item.authorName } : {}),
    ...(item.wordCount ? { wordCount: item.wordCount } : {}),
    breadcrumbs: item.crumbs,
  });
  const [article, breadcrumbs] = schema['@graph'];
  return [
    {
      ...article,
      '@type': item.kind,
      datePublished: item.publishedAt,
      dateModified: item.modifiedAt ?? item.publishedAt,
    },
    breadcrumbs,
  ];
}

export function faqPageSchema(items: readonly { question: string; answer: string }[]): JsonObject {
  return {
    '@type': 'FAQPage',
    mainEntity: items.map((item) => ({
      '@type': 'Question',
      name: item.question,
      acceptedAnswer: { '@type': 'Answer', text: item.answer },
    })),
  };
}

/**
 * The `<script type="application/ld+json">` body. `<`, `>` and `&` are escaped as JSON unicode escapes so
 * CMS text containing `</script>` cannot end the element early; U+2028/9 are escaped for old parsers.
 */
export function serializeJsonLd(graph: readonly JsonObject[]): string {
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': graph })
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
