import type { APIContext } from 'astro';
import { loadSiteChrome, type SiteChrome } from '../content/site.js';
import { contentUnavailable } from '../content/unavailable.js';
import { type OgCard, ogCardVersion } from './og-card.js';
import { ogPng } from './og-image.js';

/**
 * GET of a share card: 404 off a tenant host or when the card's subject does not exist for this site; a
 * redirect when the URL names an older version (a crawler holding last month's URL gets today's card); else
 * the PNG, cacheable forever because its URL changes whenever what it shows does.
 */
export async function serveOgImage(
  context: Pick<APIContext, 'locals' | 'params' | 'url'>,
  cardFor: (site: SiteChrome) => Promise<{ card: OgCard; path: string } | null>,
): Promise<Response> {
  const tenant = context.locals.tenant;
  if (!tenant) return notFound();
  let subject: { card: OgCard; path: string } | null;
  try {
    subject = await cardFor(await loadSiteChrome(tenant));
  } catch (error) {
    return contentUnavailable(error, context.url.pathname);
  }
  if (!subject) return notFound();
  if (context.params.version !== ogCardVersion(subject.card)) {
    return new Response(null, {
      status: 302,
      headers: { location: subject.path, 'cache-control': 'public, max-age=300' },
    });
  }
  const png = await ogPng(subject.card);
  return new Response(new Uint8Array(png), {
    headers: {
      'content-type': 'image/png',
      'content-length': String(png.length),
      'cache-control': 'public, max-age=31536000, immutable',
    },
  });
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-astro-reroute': 'no' },
  });
}
