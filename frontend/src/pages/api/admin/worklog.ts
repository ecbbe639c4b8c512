import { API_ROUTES } from '@spark/contracts/api';
import { listWorklog } from '../../../lib/server/admin/worklog.js';
import { adminRoute } from '../../../lib/server/api/route.js';

/** Activity log, newest first, filtered and cursor-paginated; scoped to the caller's sites. */
export const GET = adminRoute(API_ROUTES['GET /api/admin/worklog'], async ({ principal, query }) => ({
  body: await listWorklog(principal, query),
}));
