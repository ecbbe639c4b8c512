import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** approved or scheduled → back to review (qc). */
export const POST = adminRoute(API_ROUTES['POST /api/seo/return-to-review'], async ({ principal, body }) => ({
  body: await factory().returnToReview(principal, body),
}));
