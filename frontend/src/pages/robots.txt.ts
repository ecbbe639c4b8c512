import type { APIRoute } from 'astro';
import { requestOrigin } from '../lib/server/seo/origin';
import { robotsTxt } from '../lib/server/seo/robots';

export const GET: APIRoute = ({ locals, request, url }) => {
  if (!locals.tenant) return new Response('Not found', { status: 404 });
  return new Response(robotsTxt(requestOrigin(request, url)), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
};
