import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** Publishes due scheduled articles and advances pending jobs now, for the caller's sites. */
export const POST = adminRoute(API_ROUTES['POST /api/seo/process-queue'], async ({ principal, body }) =>
  factory().processQueueNow(principal, body.site_id),
);
