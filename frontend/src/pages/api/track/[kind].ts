import { AppError } from '@spark/contracts';
import type { APIRoute } from 'astro';
import {
  TRACKING_ENDPOINTS,
  type TrackingEndpoint,
} from '../../../lib/server/analytics/tracking-endpoints.js';
import { astroRoute } from '../../../lib/server/api/astro-adapter.js';
import { errorResponse } from '../../../lib/server/http.js';

/**
 * POST and OPTIONS /api/track/{pageview,event,conversion} (see API_REFERENCE.md) under `astro dev`. In production
 * the frontend's own server (src/server/main.ts) answers these same endpoints before Astro sees the request.
 */
const serve =
  (method: keyof TrackingEndpoint): APIRoute =>
  (context) => {
    const endpoint = TRACKING_ENDPOINTS[`/api/track/${context.params.kind}`];
    if (!endpoint) return errorResponse(new AppError('NOT_FOUND', 'No such tracking endpoint'));
    return astroRoute(endpoint[method])(context);
  };

export const POST = serve('POST');
export const OPTIONS = serve('OPTIONS');
