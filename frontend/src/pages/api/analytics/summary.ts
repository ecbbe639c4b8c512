import { AppError } from '@spark/contracts';
import { resolveSiteScope } from '@spark/factory';
import { z } from 'zod';
import { analyticsSummary } from '../../../lib/server/analytics/summary.js';
import { adminRoute } from '../../../lib/server/api/route.js';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-01-31')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'is not a calendar date');

const querySchema = z
  .object({
    site_id: z.string().uuid().optional(),
    from: day,
    to: day,
    limit: z.coerce.number().int().min(1).max(100).default(10),
  })
  .strict();

const MAX_RANGE_DAYS = 366;

/** GET /api/analytics/summary?from&to: the site's dashboard figures from the daily rollups (see API_REFERENCE.md). */
export const GET = adminRoute({ query: querySchema }, async ({ principal, query }) => {
  const siteId = resolveSiteScope(principal, query.site_id);
  const span = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
  if (span < 0) throw new AppError('BAD_REQUEST', '`from` must be on or before `to`');
  if (span >= MAX_RANGE_DAYS)
    throw new AppError('BAD_REQUEST', `Ask for at most ${MAX_RANGE_DAYS} days at a time`);
  return { body: await analyticsSummary({ siteId, from: query.from, to: query.to, limit: query.limit }) };
});
