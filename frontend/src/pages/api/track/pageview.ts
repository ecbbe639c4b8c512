import {
  acceptTrackingCall,
  TRACKING_RATE_LIMIT,
} from '../../../lib/server/analytics/accept-tracking-call.js';
import { pageviewBodySchema } from '../../../lib/server/analytics/schemas.js';
import { preflight, publicRoute } from '../../../lib/server/api/route.js';

/** POST /api/track/pageview: 202 with `{accepted}` or `{accepted: false, reason}` (see API_REFERENCE.md). */
export const POST = publicRoute(
  { body: pageviewBodySchema, allowTextPlain: true, rateLimit: TRACKING_RATE_LIMIT },
  async ({ tenant, body, ip, astro }) => ({
    status: 202,
    body: await acceptTrackingCall(
      { kind: 'pageview', body },
      { tenant, ip, headers: astro.request.headers },
    ),
  }),
);

export const OPTIONS = preflight('POST');
