import { z } from 'zod';

/**
 * The analytics pipeline's shared contract: the frontend accepts tracking calls and appends enriched events to
 * one Redis stream; the worker's consumer group inserts them into the partitioned tables and maintains the
 * daily rollups that dashboards read.
 */
export const ANALYTICS_STREAM = 'spark:analytics:events';
export const ANALYTICS_CONSUMER_GROUP = 'ingest';
export const ANALYTICS_QUEUE = 'spark-analytics';

/** A visitor's identity rotates with this salt; it is deleted after at most 48 h (Plausible's model). */
export const ANALYTICS_SALT_TTL_SECONDS = 48 * 3600;
export const SESSION_IDLE_SECONDS = 30 * 60;
/** Drop counters per site, day and reason are kept this long (they are not rolled up). */
export const DROP_COUNTER_TTL_SECONDS = 35 * 24 * 3600;

export const analyticsSaltKey = (utcDay: string) => `spark:analytics:salt:${utcDay}`;
export const analyticsSessionKey = (siteId: string, visitorHash: string) =>
  `spark:analytics:session:${siteId}:${visitorHash}`;
export const analyticsDroppedKey = (siteId: string, utcDay: string) =>
  `spark:analytics:dropped:${siteId}:${utcDay}`;

export const DEVICE_TYPES = ['desktop', 'mobile', 'tablet', 'other'] as const;
export const CONVERSION_TYPES = ['lead', 'signup', 'purchase', 'call', 'custom'] as const;
/** Why a tracking call was not recorded; returned to the caller and counted per site and day. */
export const DROP_REASONS = [
  'missing_user_agent',
  'bot_user_agent',
  'headless_browser',
  'do_not_track',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

const nullableText = (max: number) => z.string().max(max).nullable();
export const propValue = z.union([z.string().max(200), z.number().finite(), z.boolean()]);

/** Columns every analytics row shares; everything here was derived server-side at accept time. */
const eventContext = {
  event_id: z.string().uuid(),
  occurred_at: z.string().datetime({ offset: true }),
  site_id: z.string().uuid(),
  visitor_hash: z.string().regex(/^[0-9a-f]{32}$/),
  session_id: nullableText(64),
  url: z.string().min(1).max(2048),
  path: z.string().min(1).max(2048),
  referrer_host: nullableText(253),
  utm_source: nullableText(200),
  utm_medium: nullableText(200),
  utm_campaign: nullableText(200),
  utm_term: nullableText(200),
  utm_content: nullableText(200),
  device: z.enum(DEVICE_TYPES).nullable(),
  browser: nullableText(40),
  os: nullableText(40),
};

export const streamedPageviewSchema = z.object({ kind: z.literal('pageview'), ...eventContext }).strict();
export const streamedEventSchema = z
  .object({
    kind: z.literal('event'),
    ...eventContext,
    name: z.string().min(1).max(100),
    props: z.record(z.string().max(40), propValue),
  })
  .strict();
export const streamedConversionSchema = z
  .object({
    kind: z.literal('conversion'),
    ...eventContext,
    type: z.enum(CONVERSION_TYPES),
    value: z.number().min(0).max(1e12).nullable(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable(),
    lead_id: z.string().uuid().nullable(),
  })
  .strict();

/** One stream entry (field `e`, JSON). The consumer re-validates every entry on receipt. */
export const streamedAnalyticsEventSchema = z.discriminatedUnion('kind', [
  streamedPageviewSchema,
  streamedEventSchema,
  streamedConversionSchema,
]);
export type StreamedAnalyticsEvent = z.infer<typeof streamedAnalyticsEventSchema>;
export type StreamedPageview = z.infer<typeof streamedPageviewSchema>;
export type StreamedEvent = z.infer<typeof streamedEventSchema>;
export type StreamedConversion = z.infer<typeof streamedConversionSchema>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-01-31');

export const analyticsJobs = {
  /** Recomputes the rollups of today and the previous `lookbackDays` days (UTC); scheduled. */
  rollupRecent: {
    name: 'rollup-recent',
    payload: z.object({ lookbackDays: z.number().int().min(0).max(31) }).strict(),
  },
  /** Recomputes the rollups of an explicit day range (UTC, inclusive), e.g. after a backfill. */
  rollupDays: {
    name: 'rollup-days',
    payload: z.object({ from: isoDay, to: isoDay, siteId: z.string().uuid().optional() }).strict(),
  },
  /** Creates the monthly partitions ahead of time so rows never pile up in the default partition. */
  ensurePartitions: {
    name: 'ensure-partitions',
    payload: z.object({ monthsAhead: z.number().int().min(1).max(24) }).strict(),
  },
} as const;
