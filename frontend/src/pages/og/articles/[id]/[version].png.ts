import type { APIRoute } from 'astro';
import { articleOgCard, articleOgPath, publishedArticleTitle } from '../../../../lib/server/og/og-cards';
import { serveOgImage } from '../../../../lib/server/og/og-route';

/** GET /og/articles/<id>/<version>.png — a published article's share card; 404 for any other id. */
export const GET: APIRoute = (context) =>
  serveOgImage(context, async (site) => {
    const id = (context.params.id ?? '').toLowerCase();
    const title = await publishedArticleTitle(site.siteId, id);
    return title === null
      ? null
      : { card: articleOgCard(site, title), path: articleOgPath(site, { id, title }) };
  });
