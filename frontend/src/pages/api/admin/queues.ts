import { API_ROUTES } from '@spark/contracts/api';
import { assertAdministrator } from '@spark/factory';
import { adminRoute } from '../../../lib/server/api/route.js';
import { queueHealth } from '../../../lib/server/services.js';

/** Administrators only: every queue's depths and workers, and the recent failed jobs with their errors. */
export const GET = adminRoute(API_ROUTES['GET /api/admin/queues'], async ({ principal }) => {
  assertAdministrator(principal);
  return { body: { data: await queueHealth().read() } };
});
