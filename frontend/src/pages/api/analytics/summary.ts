import { AppError } from '@spark/contracts';
import { API_ROUTES } from '@spark/contracts/api';
import { resolveSiteScope } from '@spark/factory';
import { analyticsSummary } from '../../../lib/server/analytics/summary.js';
import { adminRoute } from '../../../lib/server/api/route.js';

const MAX_RANGE_DAYS = 366;

/** GET /api/analytics/summary?from&to: the site's dashboard figures from the daily rollups (see API_REFERENCE.md). */
export const GET = adminRoute(API_ROUTES['GET /api/analytics/summary'], async ({ principal, query }) => {
  const siteId = resolveSiteScope(principal, query.site_id);
  const span = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
  if (span < 0) throw new AppError('BAD_REQUEST', '`from` must be on or before `to`');
  if (span >= MAX_RANGE_DAYS)
    throw new AppError('BAD_REQUEST', `Ask for at most ${MAX_RANGE_DAYS} days at a time`);
  return { body: await analyticsSummary({ siteId, from: query.from, to: query.to, limit: query.limit }) };
});
