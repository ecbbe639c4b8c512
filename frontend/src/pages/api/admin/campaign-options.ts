import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** Avatars, templates (with fragment types) and states a campaign of the site can use, by name. */
export const GET = adminRoute(
  API_ROUTES['GET /api/admin/campaign-options'],
  async ({ principal, query }) => ({
    body: { data: await factory().campaignOptions(principal, query.site_id) },
  }),
);
