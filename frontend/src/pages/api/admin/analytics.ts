import { AppError } from '@spark/contracts';
import { API_ROUTES } from '@spark/contracts/api';
import { resolveSiteScope } from '@spark/factory';
import { analyticsReport } from '../../../lib/server/analytics/report.js';
import { adminRoute } from '../../../lib/server/api/route.js';

const MAX_RANGE_DAYS = 366;

/** The analytics page's report for a site and UTC day range; its totals are those of the summary route. */
export const GET = adminRoute(API_ROUTES['GET /api/admin/analytics'], async ({ principal, query }) => {
  const siteId = resolveSiteScope(principal, query.site_id);
  const span = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
  if (span < 0) throw new AppError('BAD_REQUEST', '`from` must be on or before `to`');
  if (span >= MAX_RANGE_DAYS)
    throw new AppError('BAD_REQUEST', `Ask for at most ${MAX_RANGE_DAYS} days at a time`);
  return { body: await analyticsReport({ siteId, from: query.from, to: query.to, limit: query.limit }) };
});
