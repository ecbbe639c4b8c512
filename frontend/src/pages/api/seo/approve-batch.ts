import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** qc → approved, by article ids or by generation job. */
export const POST = adminRoute(API_ROUTES['POST /api/seo/approve-batch'], async ({ principal, body }) => ({
  body: await factory().approveArticles(principal, body),
}));
