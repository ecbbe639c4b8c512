import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** Searchable county / city picker: names starting with `q`, optionally within one state. */
export const GET = adminRoute(API_ROUTES['GET /api/admin/places'], async ({ principal, query }) => ({
  body: { data: await factory().searchPlaces(principal, query) },
}));
