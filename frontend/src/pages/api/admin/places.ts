import { adminRoute } from '../../../lib/server/api/route.js';
import { PlaceQuerySchema, searchPlaces } from '../../../lib/server/factory/campaign-options.js';

/** Searchable county / city picker: names starting with `q`, optionally within one state. */
export const GET = adminRoute({ query: PlaceQuerySchema }, async ({ principal, query }) => ({
  body: { data: await searchPlaces(principal, query) },
}));
