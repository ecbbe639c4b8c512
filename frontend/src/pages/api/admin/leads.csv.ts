import { API_ROUTES } from '@spark/contracts/api';
import { writeWorkLog } from '@spark/db';
import { resolveSiteScope } from '@spark/factory';
import { leadsCsvStream } from '@spark/leads';
import { adminRoute } from '../../../lib/server/api/route.js';
import { database } from '../../../lib/server/connections.js';

/** GET /api/admin/leads.csv: the site's leads as a spreadsheet-safe CSV download (see API_REFERENCE.md). */
export const GET = adminRoute(API_ROUTES['GET /api/admin/leads.csv'], async ({ principal, query }) => {
  const siteId = resolveSiteScope(principal, query.site_id);
  const filter = { siteId, from: query.from, to: query.to, status: query.status };
  await writeWorkLog(
    {
      action: 'leads.export',
      entityType: 'leads',
      siteId,
      userId: principal.userId,
      details: { from: query.from ?? null, to: query.to ?? null, status: query.status ?? null },
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
