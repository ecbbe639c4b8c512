import type { APIRoute } from 'astro';
import { listSitemapUrls, summarizeArticleSitemap } from '../lib/server/content/sitemap-urls';
import { contentUnavailable } from '../lib/server/content/unavailable';
import { requestOrigin } from '../lib/server/seo/origin';
import { sitemapChildren, sitemapIndexXml } from '../lib/server/seo/sitemap';

/** The sitemap index: one child per kind and 50,000 URLs, each with the newest lastmod it holds. */
export const GET: APIRoute = async ({ locals, request, url }) => {
  if (!locals.tenant) return new Response('Not found', { status: 404 });
  try {
    const [urls, articleChunks] = await Promise.all([
      listSitemapUrls(locals.tenant.id),
      summarizeArticleSitemap(locals.tenant.id),
    ]);
    return new Response(sitemapIndexXml(requestOrigin(request, url), sitemapChildren(urls, articleChunks)), {
      headers: { 'content-type': 'application/xml; charset=utf-8' },
    });
  } catch (error) {
    return contentUnavailable(error, url.pathname);
  }
};
