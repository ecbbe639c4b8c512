import { API_ROUTES } from '@spark/contracts/api';
import { routeId } from '@spark/factory';
import { adminRoute } from '../../../../../lib/server/api/route.js';
import { factory } from '../../../../../lib/server/services.js';

/** Stops an unfinished job between batches and returns its unused headlines to the inventory. */
export const POST = adminRoute(
  API_ROUTES['POST /api/seo/jobs/{id}/cancel'],
  async ({ principal, astro }) => ({
    body: await factory().cancelJob(principal, routeId(astro.params.id, 'generation job')),
  }),
);
