import { writeWorkLog } from '@spark/db';
import { resolveSiteScope } from '@spark/factory';
import { leadsCsvStream } from '@spark/leads';
import { z } from 'zod';
import { adminRoute } from '../../../lib/server/api/route.js';
import { database } from '../../../lib/server/connections.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-01-31');

const querySchema = z
  .object({
    site_id: z.string().uuid().optional(),
    from: day.optional(),
    to: day.optional(),
    status: z.enum(['new', 'contacted', 'qualified', 'converted', 'rejected', 'spam']).optional(),
  })
  .strict();

/** GET /api/admin/leads.csv: the site's leads as a spreadsheet-safe CSV download (see API_REFERENCE.md). */
export const GET = adminRoute({ query: querySchema }, async ({ principal, query }) => {
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
