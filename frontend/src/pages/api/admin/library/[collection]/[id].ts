import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../../../lib/server/api/route.js';
import { deleteLibraryRow, updateLibraryRow } from '../../../../../lib/server/library/library.js';
import { itemParams } from '../../../../../lib/server/library/params.js';

/** Changes a library row through Directus; the caller's policies decide (shared rows: administrators only). */
export const PATCH = adminRoute(API_ROUTES['PATCH /api/admin/library/{collection}/{id}'], async (ctx) => {
  const { collection, id } = itemParams(ctx.astro.params);
  return { body: { data: await updateLibraryRow(ctx, collection, id, ctx.query.site_id, ctx.body) } };
});

/** Deletes a library row through Directus; the caller's policies decide (shared rows: administrators only). */
export const DELETE = adminRoute(API_ROUTES['DELETE /api/admin/library/{collection}/{id}'], async (ctx) => {
  const { collection, id } = itemParams(ctx.astro.params);
  return { body: { data: await deleteLibraryRow(ctx, collection, id, ctx.query.site_id) } };
});
