import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../../lib/server/api/route.js';
import { getJobStatus, routeId } from '../../../../lib/server/factory/jobs.js';

/** A generation job's status and progress. */
export const GET = adminRoute(API_ROUTES['GET /api/seo/jobs/{id}'], async ({ principal, astro }) => ({
  body: await getJobStatus(principal, routeId(astro.params.id, 'generation job')),
}));
