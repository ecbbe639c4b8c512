import { z } from 'zod';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

const QuerySchema = z.object({ site_id: z.string().uuid().optional() }).strict();

/** Avatars, templates (with fragment types) and states a campaign of the site can use, by name. */
export const GET = adminRoute({ query: QuerySchema }, async ({ principal, query }) => ({
  body: { data: await factory().campaignOptions(principal, query.site_id) },
}));
