import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** The internal-links report of one campaign: links per article, orphans, the latest insert-links run. */
export const GET = adminRoute(API_ROUTES['GET /api/admin/links'], async ({ principal, query }) => ({
  body: await factory().linksReport(principal, query.campaign_id),
}));
