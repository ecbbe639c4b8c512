import { API_ROUTES } from '@spark/contracts/api';
import { routeId } from '@spark/factory';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** One campaign with its inventory and article counts by status. */
export const GET = adminRoute(API_ROUTES['GET /api/campaigns/{id}'], async ({ principal, astro }) => ({
  body: { data: await factory().getCampaign(principal, routeId(astro.params.id, 'campaign')) },
}));

/** Changes some fields; the merged campaign is validated as a whole (spintax, references, completeness). */
export const PATCH = adminRoute(
  API_ROUTES['PATCH /api/campaigns/{id}'],
  async ({ principal, body, astro }) => ({
    body: { data: await factory().updateCampaign(principal, routeId(astro.params.id, 'campaign'), body) },
  }),
);

/** Deletes the campaign (its inventory goes with it; generated articles and job history stay). */
export const DELETE = adminRoute(API_ROUTES['DELETE /api/campaigns/{id}'], async ({ principal, astro }) => ({
  body: { data: await factory().deleteCampaign(principal, routeId(astro.params.id, 'campaign')) },
}));
