import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../../../lib/server/api/route.js';
import { cancelJob } from '../../../../../lib/server/factory/cancel-job.js';
import { routeId } from '../../../../../lib/server/factory/jobs.js';

/** Stops an unfinished job between batches and returns its unused headlines to the inventory. */
export const POST = adminRoute(
  API_ROUTES['POST /api/seo/jobs/{id}/cancel'],
  async ({ principal, astro }) => ({
    body: await cancelJob(principal, routeId(astro.params.id, 'generation job')),
  }),
);
