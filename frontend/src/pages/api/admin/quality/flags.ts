import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../../lib/server/api/route.js';
import { factory } from '../../../../lib/server/services.js';

/** A site's near-duplicate pairs (with the shared passage in each article) or short articles, by status. */
export const GET = adminRoute(API_ROUTES['GET /api/admin/quality/flags'], async ({ principal, query }) => ({
  body: await factory().listQualityFlags(principal, query),
}));
