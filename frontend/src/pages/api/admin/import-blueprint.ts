import { API_ROUTES } from '@spark/contracts/api';
import { importBlueprintAs } from '../../../lib/server/admin/import-blueprint.js';
import { adminRoute } from '../../../lib/server/api/route.js';

/** Site blueprint JSON → site, globals, navigation, pages, posts, forms, library; one transaction, idempotent. */
export const POST = adminRoute(
  API_ROUTES['POST /api/admin/import-blueprint'],
  async ({ principal, body }) => ({
    body: { data: await importBlueprintAs(principal, body.blueprint, body.dry_run) },
  }),
);
