import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** Campaigns of the caller's sites, newest first. */
export const GET = adminRoute(API_ROUTES['GET /api/campaigns'], async ({ principal, query }) => ({
  body: await factory().listCampaigns(principal, query),
}));

/** Creates a campaign; bad spintax and unknown variables are a 422 naming line and column. */
export const POST = adminRoute(API_ROUTES['POST /api/campaigns'], async ({ principal, body }) => ({
  status: 201,
  body: { data: await factory().createCampaign(principal, body) },
}));
