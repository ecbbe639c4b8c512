import { API_ROUTES } from '@spark/contracts/api';
import { routeId } from '@spark/factory';
import { adminRoute } from '../../../../../lib/server/api/route.js';
import { factory } from '../../../../../lib/server/services.js';

/** Server-sent events: `progress` on every change, `end` when the job is finished. */
export const GET = adminRoute(API_ROUTES['GET /api/seo/jobs/{id}/stream'], async ({ principal, astro }) =>
  factory().streamJobStatus(principal, routeId(astro.params.id, 'generation job'), astro.request.signal),
);
