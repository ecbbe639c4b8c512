import { API_ROUTES } from '@spark/contracts/api';
import { loadDashboard } from '../../../lib/server/admin/dashboard.js';
import { adminRoute } from '../../../lib/server/api/route.js';

/** The landing page's figures for one site, or every site the caller may see. */
export const GET = adminRoute(API_ROUTES['GET /api/admin/dashboard'], async ({ principal, query }) => ({
  body: await loadDashboard(principal, query.site_id),
}));
