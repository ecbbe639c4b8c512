import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../../../lib/server/api/route.js';
import { streamJobStatus } from '../../../../../lib/server/factory/job-stream.js';
import { routeId } from '../../../../../lib/server/factory/jobs.js';

/** Server-sent events: `progress` on every change, `end` when the job is finished. */
export const GET = adminRoute(API_ROUTES['GET /api/seo/jobs/{id}/stream'], async ({ principal, astro }) =>
  streamJobStatus(principal, routeId(astro.params.id, 'generation job'), astro.request.signal),
);
