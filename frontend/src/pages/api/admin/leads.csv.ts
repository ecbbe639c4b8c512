import { API_ROUTES } from '@spark/contracts/api';
import { writeWorkLog } from '@spark/db';
import { leadsCsvStream } from '@spark/leads';
import { adminRoute } from '../../../lib/server/api/route.js';
import { database } from '../../../lib/server/connections.js';
import { leadFilterOf } from '../../../lib/server/leads/admin-leads.js';

/** GET /api/admin/leads.csv: the leads the admin table's filter selects, as a spreadsheet-safe CSV download. */
export const GET = adminRoute(API_ROUTES['GET /api/admin/leads.csv'], async ({ principal, query }) => {
  const filter = leadFilterOf(principal, query);
  const { site_id: _site, ...criteria } = query;
  await writeWorkLog(
    {
      action: 'leads.export',
      entityType: 'leads',
      siteId: filter.siteId,
      userId: principal.userId,
      // Which filter was exported (no search text: it may be a person's name or number).
      details: { ...criteria, q: query.q ? '(search)' : null },
    },
    database(),
  );
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(leadsCsvStream(database(), filter), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="leads-${stamp}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
