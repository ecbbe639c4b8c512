import type { Block } from '@spark/contracts';
import { AREAS_ROOT, buildMetaDescription, type HubPage, htmlToText, type JsonObject } from '@spark/core';
import type { TenantRoute } from '../content/resolve-route.js';
import type { ArticleRow, PageRow, PostRow } from '../content/schemas.js';
import type { SiteChrome } from '../content/site.js';
import { articleOgPath, OG_IMAGE_SIZE, siteOgPath } from '../og/og-cards.js';
import {
  articleSchemas,
  breadcrumbSchema,
  type Crumb,
  faqPageSchema,
  organizationSchema,
} from './json-ld.js';
import { absoluteUrl } from './origin.js';

/** What SiteLayout writes into <head>: title, description, canonical, Open Graph/Twitter and JSON-LD. */
export interface PageMeta {
  title: string;
  description: string | null;
  canonical: string;
  ogType: 'website' | 'article';
  image: string | null;
  /** Set when `image` is one of our share cards, whose size is known. */
  imageSize: { width: number; height: number } | null;
  noindex: boolean;
  publishedTime: string | null;
  modifiedTime: string | null;
  jsonLd: JsonObject[];
  /** A page of a paginated list: its neighbours, for `<link rel="prev|next">`. */
  pagination?: { prev: string | null; next: string | null };
}

/** An image the editor chose replaces the share card (its size is not known here). */
function setImage(meta: PageMeta, url: string | null): void {
  if (url === null) return;
  meta.image = url;
  meta.imageSize = null;
}

const home = (site: SiteChrome, origin: string): Crumb => ({ name: site.name, url: `${origin}/` });
const toDescription = (text: string | null | undefined) => (text ? buildMetaDescription(text) : null);

function baseMeta(site: SiteChrome, origin: string, path: string): PageMeta {
  return {
    title: site.name,
    description: toDescription(site.tagline),
    canonical: origin + path,
    ogType: 'website',
    // A raster share card: networks ignore SVG logos and want about 1200 × 630.
    image: origin + siteOgPath(site),
    imageSize: OG_IMAGE_SIZE,
    noindex: false,
    publishedTime: null,
    modifiedTime: null,
    jsonLd: [organizationSchema(site, origin)],
  };
}

export function metaForPage(
  site: SiteChrome,
  origin: string,
  page: PageRow,
  blocks: readonly Block[],
): PageMeta {
  const meta = baseMeta(site, origin, page.permalink);
  const isHome = page.permalink === '/';
  meta.title = page.meta_title ?? (isHome ? site.name : `${page.title} | ${site.name}`);
  meta.description = page.meta_description ?? meta.description;
  setImage(meta, absoluteUrl(origin, page.og_image_url));
  meta.noindex = page.noindex;
  if (!isHome)
    meta.jsonLd.push(breadcrumbSchema([home(site, origin), { name: page.title, url: meta.canonical }]));
  // Google reads one FAQPage per page: every FAQ block of the page contributes its questions to it.
  const questions = blocks.flatMap((block) => (block.type === 'faq' ? block.items : []));
  if (questions.length > 0) meta.jsonLd.push(faqPageSchema(questions));
  return meta;
}

export function metaForPost(site: SiteChrome, origin: string, post: PostRow): PageMeta {
  const meta = baseMeta(site, origin, `/blog/${post.slug}`);
  meta.title = post.meta_title ?? `${post.title} | ${site.name}`;
  meta.description = post.meta_description ?? toDescription(post.excerpt ?? htmlToText(post.html_content));
  setImage(meta, absoluteUrl(origin, post.cover_image_url));
  meta.ogType = 'article';
  meta.publishedTime = post.published_at;
  meta.modifiedTime = post.date_updated ?? post.published_at;
  meta.jsonLd.push(
    ...articleSchemas(site, origin, {
      kind: 'BlogPosting',
      headline: post.title,
      description: meta.description ?? post.title,
      url: meta.canonical,
      imageUrl: meta.image,
      authorName: post.author_id?.name ?? null,
      publishedAt: post.published_at,
      modifiedAt: post.date_updated,
      crumbs: [home(site, origin), { name: 'Blog', url: `${origin}/blog` }],
    }),
  );
  return meta;
}

/** `trail` is the article's area hubs, state first: they sit between home and the article in its breadcrumbs. */
export function metaForArticle(
  site: SiteChrome,
  origin: string,
  article: ArticleRow,
  trail: readonly { name: string; path: string }[] = [],
): PageMeta {
  const meta = baseMeta(site, origin, `/${article.slug}`);
  meta.title = article.meta_title ?? article.title;
  meta.description =
    article.meta_description ?? toDescription(article.excerpt ?? htmlToText(article.html_content));
  meta.image = origin + articleOgPath(site, article);
  meta.ogType = 'article';
  meta.publishedTime = article.published_at;
  meta.modifiedTime = article.date_updated ?? article.published_at;
  meta.jsonLd.push(
    ...articleSchemas(site, origin, {
      kind: 'Article',
      headline: article.title,
      description: meta.description ?? article.title,
      url: meta.canonical,
      imageUrl: meta.image,
      authorName: null,
      wordCount: article.word_count,
      publishedAt: article.published_at,
      modifiedAt: article.date_updated,
      crumbs: [home(site, origin), ...trail.map((step) => ({ name: step.name, url: origin + step.path }))],
    }),
  );
  return meta;
}

export function metaForBlog(site: SiteChrome, origin: string, path: string, page: number): PageMeta {
  const meta = baseMeta(site, origin, path);
  meta.title = page > 1 ? `Blog, page ${page} | ${site.name}` : `Blog | ${site.name}`;
  meta.description = toDescription(`News, tips and guides from ${site.name}.`);
  meta.jsonLd.push(breadcrumbSchema([home(site, origin), { name: 'Blog', url: `${origin}/blog` }]));
  return meta;
}

/**
 * A page of an area hub (or the `/areas` index when `page` is null): a CollectionPage of the page's articles
 * with breadcrumbs. Each page is its own canonical URL and names its neighbours.
 */
/** What the head of a hub page needs: a page read from the places (`PlaceHubPage`) or from the whole tree. */
type AreaHubPageHead = Pick<HubPage, 'page' | 'pages' | 'path' | 'prevPath' | 'nextPath'> & {
  hub: Pick<HubPage['hub'], 'name' | 'path' | 'parents'>;
  articles: readonly { slug: string; title: string }[];
};

export function metaForAreaHub(site: SiteChrome, origin: string, page: AreaHubPageHead | null): PageMeta {
  const hub = page?.hub ?? null;
  const meta = baseMeta(site, origin, page?.path ?? AREAS_ROOT);
  const name = hub ? `${hub.name}: service areas and guides` : 'Areas we serve';
  const pageSuffix = page && page.page > 1 ? `, page ${page.page}` : '';
  meta.title = `${name}${pageSuffix} | ${site.name}`;
  meta.description = toDescription(
    hub
      ? `${site.name} in ${hub.name}: local guides and the places we serve${pageSuffix}.`
      : `Every state, county and city ${site.name} serves, with local guides.`,
  );
  if (page && page.pages > 1) {
    meta.pagination = {
      prev: page.prevPath && origin + page.prevPath,
      next: page.nextPath && origin + page.nextPath,
    };
  }
  const crumbs: Crumb[] = [home(site, origin), { name: 'Areas', url: origin + AREAS_ROOT }];
  for (const step of hub ? [...hub.parents, { name: hub.name, path: hub.path }] : [])
    crumbs.push({ name: step.name, url: origin + step.path });
  meta.jsonLd.push(breadcrumbSchema(crumbs), {
    '@type': 'CollectionPage',
    '@id': meta.canonical,
    url: meta.canonical,
    name,
    isPartOf: { '@id': `${origin}/#organization` },
    ...(page
      ? {
          mainEntity: {
            '@type': 'ItemList',
            numberOfItems: page.articles.length,
            itemListElement: page.articles.map((article, index) => ({
              '@type': 'ListItem',
              position: index + 1,
              url: `${origin}/${article.slug}`,
              name: article.title,
            })),
          },
        }
      : {}),
  });
  return meta;
}

/** Error and utility pages: never indexed, no structured data beyond the organisation. */
export function metaForUtilityPage(site: SiteChrome, origin: string, path: string, title: string): PageMeta {
  return { ...baseMeta(site, origin, path), title: `${title} | ${site.name}`, noindex: true };
}

/** The head for whatever a permalink resolved to; the tenant 404 is not indexable. */
export function metaForRoute(site: SiteChrome, origin: string, path: string, route: TenantRoute): PageMeta {
  if (route.kind === 'page') return metaForPage(site, origin, route.page, route.blocks);
  if (route.kind === 'article') return metaForArticle(site, origin, route.article, route.areas.trail);
  return metaForUtilityPage(site, origin, path, 'Page not found');
}
