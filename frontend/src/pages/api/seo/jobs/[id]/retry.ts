import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../../../lib/server/api/route.js';
import { routeId } from '../../../../../lib/server/factory/jobs.js';
import { retryJob } from '../../../../../lib/server/factory/retry-job.js';

/** Queues a failed or cancelled job again for the articles it has not made yet. */
export const POST = adminRoute(API_ROUTES['POST /api/seo/jobs/{id}/retry'], async ({ principal, astro }) => ({
  body: await retryJob(principal, routeId(astro.params.id, 'generation job')),
}));
