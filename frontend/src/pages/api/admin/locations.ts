import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** The gazetteer one level at a time (states → counties → cities), or cities by name prefix; paginated. */
export const GET = adminRoute(API_ROUTES['GET /api/admin/locations'], async ({ principal, query }) => ({
  body: await factory().browseLocations(principal, query),
}));
