import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { approveArticles } from '../../../lib/server/factory/review.js';

/** qc → approved, by article ids or by generation job. */
export const POST = adminRoute(API_ROUTES['POST /api/seo/approve-batch'], async ({ principal, body }) => ({
  body: await approveArticles(principal, body),
}));
