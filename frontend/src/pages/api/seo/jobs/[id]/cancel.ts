import { routeId } from '@spark/factory';
import { adminRoute } from '../../../../../lib/server/api/route.js';
import { factory } from '../../../../../lib/server/services.js';

/** Stops an unfinished job between batches and returns its unused headlines to the inventory. */
export const POST = adminRoute({}, async ({ principal, astro }) => ({
  body: await factory().cancelJob(principal, routeId(astro.params.id, 'generation job')),
}));
