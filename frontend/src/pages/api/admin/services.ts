import { API_ROUTES } from '@spark/contracts/api';
import { assertAdministrator } from '@spark/factory';
import { readServiceHealth } from '../../../lib/server/admin/service-health.js';
import { adminRoute } from '../../../lib/server/api/route.js';

/** Administrators only: database, Redis, Directus and worker health with latencies and errors. */
export const GET = adminRoute(API_ROUTES['GET /api/admin/services'], async ({ principal }) => {
  assertAdministrator(principal);
  return { body: { data: await readServiceHealth() } };
});
