import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** approved → published now, or scheduled (publish_at, or the campaign's velocity); flagged articles are held back unless overridden. */
export const POST = adminRoute(API_ROUTES['POST /api/seo/publish-article'], async ({ principal, body }) => ({
  body: await factory().publishArticles(principal, body),
}));
