import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { deleteCampaign, getCampaign, updateCampaign } from '../../../lib/server/factory/campaigns.js';
import { routeId } from '../../../lib/server/factory/jobs.js';

/** One campaign with its inventory and article counts by status. */
export const GET = adminRoute(API_ROUTES['GET /api/campaigns/{id}'], async ({ principal, astro }) => ({
  body: { data: await getCampaign(principal, routeId(astro.params.id, 'campaign')) },
}));

/** Changes some fields; the merged campaign is validated as a whole (spintax, references, completeness). */
export const PATCH = adminRoute(
  API_ROUTES['PATCH /api/campaigns/{id}'],
  async ({ principal, body, astro }) => ({
    body: { data: await updateCampaign(principal, routeId(astro.params.id, 'campaign'), body) },
  }),
);

/** Deletes the campaign (its inventory goes with it; generated articles and job history stay). */
export const DELETE = adminRoute(API_ROUTES['DELETE /api/campaigns/{id}'], async ({ principal, astro }) => ({
  body: { data: await deleteCampaign(principal, routeId(astro.params.id, 'campaign')) },
}));
