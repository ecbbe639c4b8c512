import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** Starts internal linking of a campaign's articles: 202 with the job id. */
export const POST = adminRoute(API_ROUTES['POST /api/seo/insert-links'], async ({ principal, body }) => ({
  status: 202,
  body: await factory().createInsertLinksJob(principal, body),
}));
