import { z } from 'zod';
import { cachedRead } from '../content/cached-read.js';
import { readItems } from '../content/directus.js';
import type { SiteChrome } from '../content/site.js';
import { OG_HEIGHT, OG_WIDTH, type OgCard, ogCardVersion } from './og-card.js';

/** Which card a page shares, and where its PNG lives: the version in the path makes the URL immutable. */

export const OG_IMAGE_SIZE = { width: OG_WIDTH, height: OG_HEIGHT } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function siteOgCard(site: SiteChrome): OgCard {
  return {
    siteName: site.name,
    title: site.tagline ?? site.name,
    eyebrow: null,
    colors: site.colors,
  };
}

export function articleOgCard(site: SiteChrome, title: string): OgCard {
  return { siteName: site.name, title, eyebrow: null, colors: site.colors };
}

/** Per chrome object (one per site while its content is unchanged): every page's head names the site's card. */
const siteOgPaths = new WeakMap<SiteChrome, string>();

export function siteOgPath(site: SiteChrome): string {
  let path = siteOgPaths.get(site);
  if (path === undefined) {
    path = `/og/site/${ogCardVersion(siteOgCard(site))}.png`;
    siteOgPaths.set(site, path);
  }
  return path;
}

export const articleOgPath = (site: SiteChrome, article: { id: string; title: string }) =>
  `/og/articles/${article.id}/${ogCardVersion(articleOgCard(site, article.title))}.png`;

const titleRowSchema = z.object({ title: z.string().min(1) });

/**
 * The title of a published article of this site, or null: through the reader token (published only) and
 * filtered on the site, so another tenant's article or a draft is exactly as unknown as a made-up id.
 */
export function publishedArticleTitle(siteId: string, id: string): Promise<string | null> {
  if (!UUID.test(id)) return Promise.resolve(null);
  const articleId = id.toLowerCase();
  return cachedRead(siteId, `article-title:${articleId}`, async (version) => {
    const { rows } = await readItems(
      'generated_articles',
      {
        fields: ['title'],
        filter: { site_id: { _eq: siteId }, id: { _eq: articleId }, status: { _eq: 'published' } },
        limit: 1,
        version,
      },
      titleRowSchema,
    );
    return rows[0]?.title ?? null;
  });
}
