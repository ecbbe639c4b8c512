import type { APIRoute } from 'astro';
import { trackerScript } from '../../lib/server/analytics/tracker-script.js';

/**
 * GET /js/site.js — the first-party tracker, from the site's own host at a path blockers do not single out.
 * Sent uncompressed: on tenant hosts the middleware's response cache compresses it (Brotli/gzip) and answers
 * If-None-Match; browsers and proxies may keep it for an hour.
 */
export const GET: APIRoute = async ({ request }) => {
  const script = await trackerScript();
  const headers = {
    'content-type': 'text/javascript; charset=utf-8',
    'cache-control': 'public, max-age=3600',
    etag: script.etag,
  };
  if (request.headers.get('if-none-match') === script.etag)
    return new Response(null, { status: 304, headers });
  return new Response(script.code, { headers });
};
