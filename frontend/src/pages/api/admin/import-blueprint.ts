import { z } from 'zod';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

const body = z.object({ blueprint: z.record(z.unknown()), dry_run: z.boolean().default(false) }).strict();

/** Site blueprint JSON → site, globals, navigation, pages, posts, forms, library; one transaction, idempotent. */
export const POST = adminRoute({ body }, async ({ principal, body }) => ({
  body: { data: await factory().importBlueprintAs(principal, body.blueprint, body.dry_run) },
}));
