import { API_ROUTES } from '@spark/contracts/api';
import { listLeads } from '@spark/leads';
import { adminRoute } from '../../../../lib/server/api/route.js';
import { database } from '../../../../lib/server/connections.js';
import { leadFilterOf } from '../../../../lib/server/leads/admin-leads.js';

/** The site's leads, filtered, sorted and paginated with the total (see API_REFERENCE.md). */
export const GET = adminRoute(API_ROUTES['GET /api/admin/leads'], async ({ principal, query }) => ({
  body: await listLeads(database(), leadFilterOf(principal, query), query),
}));
