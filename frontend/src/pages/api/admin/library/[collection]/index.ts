import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../../../lib/server/api/route.js';
import { createLibraryRow, listLibrary } from '../../../../../lib/server/library/library.js';
import { collectionParam } from '../../../../../lib/server/library/params.js';

/** A page of the site's library rows and the shared ones, read through Directus as the caller. */
export const GET = adminRoute(API_ROUTES['GET /api/admin/library/{collection}'], async (ctx) => ({
  body: await listLibrary(ctx, collectionParam(ctx.astro.params), ctx.query),
}));

/** Creates a library row of the site through Directus, under the caller's own policies. */
export const POST = adminRoute(API_ROUTES['POST /api/admin/library/{collection}'], async (ctx) => ({
  status: 201,
  body: { data: await createLibraryRow(ctx, collectionParam(ctx.astro.params), ctx.query.site_id, ctx.body) },
}));
