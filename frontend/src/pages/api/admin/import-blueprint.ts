import { z } from 'zod';
import { importBlueprintAs } from '../../../lib/server/admin/import-blueprint.js';
import { adminRoute } from '../../../lib/server/api/route.js';

const body = z.object({ blueprint: z.record(z.unknown()), dry_run: z.boolean().default(false) }).strict();

/** Site blueprint JSON → site, globals, navigation, pages, posts, forms, library; one transaction, idempotent. */
export const POST = adminRoute({ body }, async ({ principal, body }) => ({
  body: { data: await importBlueprintAs(principal, body.blueprint, body.dry_run) },
}));
