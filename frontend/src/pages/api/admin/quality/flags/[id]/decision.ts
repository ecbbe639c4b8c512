import { API_ROUTES } from '@spark/contracts/api';
import { routeId } from '@spark/factory';
import { adminRoute } from '../../../../../../lib/server/api/route.js';
import { factory } from '../../../../../../lib/server/services.js';

/** Resolves or dismisses an open quality flag; a resolved pair's newer article goes back to review. */
export const POST = adminRoute(
  API_ROUTES['POST /api/admin/quality/flags/{id}/decision'],
  async ({ principal, astro, body }) => ({
    body: await factory().decideQualityFlag(principal, routeId(astro.params.id, 'quality flag'), body),
  }),
);
