import type { APIRoute } from 'astro';
import { listArticleSitemapChunk, listSitemapUrls } from '../lib/server/content/sitemap-urls';
import { contentUnavailable } from '../lib/server/content/unavailable';
import { requestOrigin } from '../lib/server/seo/origin';
import { chunkOf, parseChildName, urlsetXml } from '../lib/server/seo/sitemap';

/** A child sitemap such as /sitemap-articles-2.xml: the second 50,000 published articles of this host. */
export const GET: APIRoute = async ({ locals, request, url, params }) => {
  const child = parseChildName(params.name);
  if (!locals.tenant || !child) return new Response('Not found', { status: 404 });
  try {
    const siteId = locals.tenant.id;
    const urls =
      child.kind === 'articles'
        ? await listArticleSitemapChunk(siteId, child.number)
        : chunkOf((await listSitemapUrls(siteId))[child.kind], child.number);
    if (urls.length === 0) return new Response('Not found', { status: 404 });
    return new Response(urlsetXml(requestOrigin(request, url), urls), {
      headers: { 'content-type': 'application/xml; charset=utf-8' },
    });
  } catch (error) {
    return contentUnavailable(error, url.pathname);
  }
};
