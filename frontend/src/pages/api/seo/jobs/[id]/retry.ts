import { API_ROUTES } from '@spark/contracts/api';
import { routeId } from '@spark/factory';
import { adminRoute } from '../../../../../lib/server/api/route.js';
import { factory } from '../../../../../lib/server/services.js';

/** Queues a failed or cancelled job again for the articles it has not made yet. */
export const POST = adminRoute(API_ROUTES['POST /api/seo/jobs/{id}/retry'], async ({ principal, astro }) => ({
  body: await factory().retryJob(principal, routeId(astro.params.id, 'generation job')),
}));
