import { z } from 'zod';

/** Request and response bodies of the admin routes that are not part of the campaign factory. */

const uuid = z.string().uuid();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-01-31');
const calendarDay = day.refine(
  (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)),
  'is not a calendar date',
);

export const SiteScopeQuerySchema = z.object({ site_id: uuid.optional() }).strict();

export const WORKLOG_LEVELS = ['debug', 'info', 'warning', 'error'] as const;

export const WorklogQuerySchema = z
  .object({
    site_id: uuid.optional(),
    level: z.enum(WORKLOG_LEVELS).optional(),
    entity_type: z.string().min(1).max(64).optional(),
    action: z.string().min(1).max(64).optional(),
    /** Entries by this Directus user. */
    user_id: uuid.optional(),
    since: z.string().datetime({ offset: true }).optional(),
    /** Entries before this moment (exclusive), for a date range with `since`. */
    until: z.string().datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const WorklogPageSchema = z.object({
  data: z.array(
    z.object({
      id: uuid,
      site_id: uuid.nullable(),
      action: z.string(),
      entity_type: z.string().nullable(),
      entity_id: z.string().nullable(),
      level: z.string(),
      user_id: uuid.nullable(),
      details: z.record(z.string(), z.unknown()),
      timestamp: z.string(),
    }),
  ),
  /** Pass back as `cursor` for the next page; null on the last one. */
  next_cursor: z.string().nullable(),
});

export const AnalyticsSummaryQuerySchema = z
  .object({
    site_id: uuid.optional(),
    from: calendarDay,
    to: calendarDay,
    limit: z.coerce.number().int().min(1).max(100).default(10),
  })
  .strict();

const metrics = {
  pageviews: z.number(),
  visitors: z.number(),
  sessions: z.number(),
  events: z.number(),
  conversions: z.number(),
  revenue: z.number(),
};
const rankedList = z.array(z.object({ value: z.string(), ...metrics }));

export const AnalyticsSummarySchema = z.object({
  site_id: uuid,
  from: z.string(),
  to: z.string(),
  totals: z.object(metrics),
  series: z.array(z.object({ day: z.string(), ...metrics })),
  top_pages: rankedList,
  referrers: rankedList,
  utm_sources: rankedList,
  utm_mediums: rankedList,
  utm_campaigns: rankedList,
  devices: rankedList,
  browsers: rankedList,
  operating_systems: rankedList,
  countries: rankedList,
  events: rankedList,
  conversions: rankedList,
  /** Calls the tracking endpoints refused in the range, by reason. */
  dropped: z.record(z.string(), z.number()),
});

export const ImportBlueprintBodySchema = z
  .object({ blueprint: z.record(z.unknown()), dry_run: z.boolean().default(false) })
  .strict();

const countsByTable = z.record(z.string(), z.number().int().nonnegative());
export const ImportReportSchema = z.object({
  data: z.object({
    dryRun: z.boolean(),
    /** The imported site's id, or null for the shared library. */
    siteId: uuid.nullable(),
    created: countsByTable,
    updated: countsByTable,
    unchanged: countsByTable,
  }),
});

export const SignedOutSchema = z.object({ data: z.object({ signed_out: z.literal(true) }) });

export const HealthSchema = z.object({
  status: z.literal('ok'),
  /** Only for HEALTH_TOKEN or an admin token. */
  services: z.record(z.string(), z.object({ status: z.string() }).passthrough()).optional(),
});

export type WorklogQuery = z.infer<typeof WorklogQuerySchema>;
export type WorklogPage = z.infer<typeof WorklogPageSchema>;
export type AnalyticsSummary = z.infer<typeof AnalyticsSummarySchema>;
