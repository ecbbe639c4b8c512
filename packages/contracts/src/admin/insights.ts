import { z } from 'zod';
import { AnalyticsSummarySchema } from '../api/admin.js';

/** The admin dashboard and analytics pages: `/api/admin/dashboard` and `/api/admin/analytics`. */

const uuid = z.string().uuid();
const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-01-31')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'is not a calendar date');

/** Without `site_id` the dashboard covers every site the caller may see (all sites for administrators). */
export const DashboardQuerySchema = z.object({ site_id: uuid.optional() }).strict();

export const ARTICLE_STATUSES = [
  'queued',
  'processing',
  'qc',
  'approved',
  'scheduled',
  'published',
  'archived',
] as const;

export const DashboardSchema = z.object({
  /** The one site shown, or null for the all-sites view. */
  site_id: uuid.nullable(),
  /** How many sites the figures add up. */
  site_count: z.number().int(),
  /** The chart's UTC day range: the last 30 days, today included. */
  from: z.string(),
  to: z.string(),
  /** One entry per day of the range, zero where nothing was recorded. */
  traffic: z.array(z.object({ day: z.string(), visitors: z.number(), pageviews: z.number() })),
  totals: z.object({ visitors: z.number(), pageviews: z.number() }),
  /** Leads since Monday 00:00 UTC, spam excluded. */
  leads_this_week: z.object({ since: z.string(), count: z.number().int() }),
  articles_by_status: z.record(z.enum(ARTICLE_STATUSES), z.number().int()),
  running_jobs: z.array(
    z.object({
      id: uuid,
      site_id: uuid,
      type: z.string(),
      status: z.string(),
      processed: z.number().int(),
      total: z.number().int(),
      progress: z.number(),
      started_at: z.string().nullable(),
    }),
  ),
  recent_work: z.array(
    z.object({
      id: uuid,
      site_id: uuid.nullable(),
      action: z.string(),
      entity_type: z.string().nullable(),
      level: z.string(),
      timestamp: z.string(),
    }),
  ),
  open_quality_flags: z.object({
    total: z.number().int(),
    by_type: z.record(z.string(), z.number().int()),
  }),
});

/** Ranges of at most two days get an hourly series as well (read from the raw tables of those days). */
export const HOURLY_MAX_DAYS = 2;

export const AnalyticsReportQuerySchema = z
  .object({
    site_id: uuid.optional(),
    from: calendarDay,
    to: calendarDay,
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();

const periodTotals = z.object({
  from: z.string(),
  to: z.string(),
  pageviews: z.number(),
  visitors: z.number(),
  conversions: z.number(),
  leads: z.number().int(),
});

export const AnalyticsReportSchema = z.object({
  /** Exactly what `/api/analytics/summary` answers for the same site and range. */
  summary: AnalyticsSummarySchema,
  /** Every day of the range, zero-filled. */
  daily: z.array(
    z.object({ day: z.string(), visitors: z.number(), pageviews: z.number(), conversions: z.number() }),
  ),
  /** Per UTC hour, for ranges of at most two days; null otherwise. */
  hourly: z
    .array(
      z.object({
        hour: z.string(),
        visitors: z.number(),
        pageviews: z.number(),
        conversions: z.number(),
      }),
    )
    .nullable(),
  current: periodTotals,
  /** The range of the same length just before. */
  previous: periodTotals,
  /** Visitors → pageviews → leads (spam excluded), in the range. */
  funnel: z.array(z.object({ step: z.enum(['visitors', 'pageviews', 'leads']), count: z.number() })),
  /** The most frequent event property values in the range. */
  event_props: z.array(
    z.object({ event: z.string(), prop: z.string(), value: z.string(), count: z.number().int() }),
  ),
});

export type Dashboard = z.infer<typeof DashboardSchema>;
export type AnalyticsReport = z.infer<typeof AnalyticsReportSchema>;
export type AnalyticsReportQuery = z.infer<typeof AnalyticsReportQuerySchema>;
