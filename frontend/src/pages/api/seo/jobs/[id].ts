import { API_ROUTES } from '@spark/contracts/api';
import { routeId } from '@spark/factory';
import { adminRoute } from '../../../../lib/server/api/route.js';
import { factory } from '../../../../lib/server/services.js';

/** A generation job's status and progress. */
export const GET = adminRoute(API_ROUTES['GET /api/seo/jobs/{id}'], async ({ principal, astro }) => ({
  body: await factory().getJobStatus(principal, routeId(astro.params.id, 'generation job')),
}));
