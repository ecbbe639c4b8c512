import { PlaceQuerySchema } from '@spark/factory';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** Searchable county / city picker: names starting with `q`, optionally within one state. */
export const GET = adminRoute({ query: PlaceQuerySchema }, async ({ principal, query }) => ({
  body: { data: await factory().searchPlaces(principal, query) },
}));
