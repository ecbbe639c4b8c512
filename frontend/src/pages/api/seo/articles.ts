import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** One review-board column: a site's articles in one status, paginated, optionally of one campaign. */
export const GET = adminRoute(API_ROUTES['GET /api/seo/articles'], async ({ principal, query }) => ({
  body: await factory().boardColumn(principal, query),
}));
