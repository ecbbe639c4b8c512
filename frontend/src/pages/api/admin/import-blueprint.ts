import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** Site blueprint JSON → site, globals, navigation, pages, posts, forms, library; one transaction, idempotent. */
export const POST = adminRoute(
  API_ROUTES['POST /api/admin/import-blueprint'],
  async ({ principal, body }) => ({
    body: { data: await factory().importBlueprintAs(principal, body.blueprint, body.dry_run) },
  }),
);
