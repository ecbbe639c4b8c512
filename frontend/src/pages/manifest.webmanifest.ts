import type { APIRoute } from 'astro';
import { loadSiteChrome } from '../lib/server/content/site';
import { contentUnavailable } from '../lib/server/content/unavailable';
import { webManifest } from '../lib/server/seo/manifest';

export const GET: APIRoute = async ({ locals, url }) => {
  if (!locals.tenant) return new Response('Not found', { status: 404 });
  try {
    const site = await loadSiteChrome(locals.tenant);
    return new Response(JSON.stringify(webManifest(site)), {
      headers: { 'content-type': 'application/manifest+json; charset=utf-8' },
    });
  } catch (error) {
    return contentUnavailable(error, url.pathname);
  }
};
