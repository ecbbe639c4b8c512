import { API_ROUTES } from '@spark/contracts/api';
import type { Endpoint } from '../api/endpoint.js';
import { preflightEndpoint, publicEndpoint } from '../api/route.js';
import { acceptTrackingCall, TRACKING_RATE_LIMIT } from './accept-tracking-call.js';

/** POST answers 202 with `{accepted}` or `{accepted: false, reason}`; OPTIONS is the CORS preflight. */
export interface TrackingEndpoint {
  POST: Endpoint;
  OPTIONS: Endpoint;
}

const spec = { allowTextPlain: true, rateLimit: TRACKING_RATE_LIMIT } as const;

/**
 * The tracking endpoints by path. Astro's pages under /api/track re-export them, and the lean tracking server
 * (frontend/src/server) serves the very same functions in front of Astro, where the hot path skips the page
 * pipeline: one definition, two doors.
 */
export const TRACKING_ENDPOINTS: Record<string, TrackingEndpoint> = {
  '/api/track/pageview': {
    POST: publicEndpoint(
      { ...API_ROUTES['POST /api/track/pageview'], ...spec },
      async ({ tenant, body, ip, headers }) => ({
        status: 202,
        body: await acceptTrackingCall({ kind: 'pageview', body }, { tenant, ip, headers }),
      }),
    ),
    OPTIONS: preflightEndpoint('POST'),
  },
  '/api/track/event': {
    POST: publicEndpoint(
      { ...API_ROUTES['POST /api/track/event'], ...spec },
      async ({ tenant, body, ip, headers }) => ({
        status: 202,
        body: await acceptTrackingCall({ kind: 'event', body }, { tenant, ip, headers }),
      }),
    ),
    OPTIONS: preflightEndpoint('POST'),
  },
  '/api/track/conversion': {
    POST: publicEndpoint(
      { ...API_ROUTES['POST /api/track/conversion'], ...spec },
      async ({ tenant, body, ip, headers }) => ({
        status: 202,
        body: await acceptTrackingCall({ kind: 'conversion', body }, { tenant, ip, headers }),
      }),
    ),
    OPTIONS: preflightEndpoint('POST'),
  },
};
