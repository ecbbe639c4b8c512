import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../../lib/server/api/route.js';
import { factory } from '../../../../lib/server/services.js';

/** Every job of a site, newest first, paginated (limit/offset) with the total. */
export const GET = adminRoute(API_ROUTES['GET /api/seo/jobs'], async ({ principal, query }) => ({
  body: await factory().listJobs(principal, query),
}));
