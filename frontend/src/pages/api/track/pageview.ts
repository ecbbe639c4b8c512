import {
  TRACKING_ENDPOINTS,
  type TrackingEndpoint,
} from '../../../lib/server/analytics/tracking-endpoints.js';
import { astroRoute } from '../../../lib/server/api/astro-adapter.js';

/** POST /api/track/pageview (see API_REFERENCE.md); in production the lean tracking server answers it first. */
const endpoint = TRACKING_ENDPOINTS['/api/track/pageview'] as TrackingEndpoint;
export const POST = astroRoute(endpoint.POST);
export const OPTIONS = astroRoute(endpoint.OPTIONS);
