import type { APIRoute } from 'astro';
import { siteOgCard, siteOgPath } from '../../../lib/server/og/og-cards';
import { serveOgImage } from '../../../lib/server/og/og-route';

/** GET /og/site/<version>.png — the site's 1200 × 630 share card. */
export const GET: APIRoute = (context) =>
  serveOgImage(context, async (site) => ({ card: siteOgCard(site), path: siteOgPath(site) }));
