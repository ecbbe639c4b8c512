import { z } from 'zod';

/** The review board: one column of a site's articles per status, paginated on the server. */

/** quality_flags.type: what a quality scan can find wrong with an article. */
export const QUALITY_FLAG_TYPES = ['short', 'near_duplicate', 'unresolved_token', 'invalid_html'] as const;

export const BOARD_STATUSES = ['qc', 'approved', 'scheduled', 'published'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export const BoardQuerySchema = z
  .object({
    site_id: z.string().uuid().optional(),
    status: z.enum(BOARD_STATUSES),
    campaign_id: z.string().uuid().optional(),
    /** Only articles with this open quality flag. */
    flag: z.enum(QUALITY_FLAG_TYPES).optional(),
    /** Only articles whose city name starts with this (case-insensitive). */
    city: z.string().trim().min(1).max(80).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const ArticleCardSchema = z.object({
  id: z.string().uuid(),
  campaign_id: z.string().uuid().nullable(),
  title: z.string(),
  slug: z.string(),
  status: z.string(),
  word_count: z.number().int(),
  city: z.string().nullable(),
  publish_at: z.string().nullable(),
  published_at: z.string().nullable(),
  /** Open quality flags (short, near_duplicate, …). */
  flags: z.array(z.string()),
});

/**
 * A column's count stops here: counting a 100,000-article column exactly walks all of it on every page, while
 * up to this many it costs a few milliseconds. Columns of this size or smaller are counted exactly.
 */
export const BOARD_COUNT_CAP = 10_000;

export const BoardColumnSchema = z.object({
  data: z.array(ArticleCardSchema),
  /** How many articles the column (with its filters) holds, exact up to `BOARD_COUNT_CAP`. */
  total: z.number().int(),
  /** True when counting stopped at the cap: the column holds more than `total` articles (show "10,000+"). */
  total_capped: z.boolean(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const ApproveResultSchema = z.object({ approved: z.number().int(), skipped: z.number().int() });
export const ReturnedResultSchema = z.object({ returned: z.number().int(), skipped: z.number().int() });
/** An article the publish gate did not publish or schedule, and the open flags that held it back. */
export const HeldBackArticleSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  flags: z.array(
    z.object({
      type: z.enum(QUALITY_FLAG_TYPES),
      /** The other member of a near-duplicate pair; null for single-article flags. */
      other_article_id: z.string().uuid().nullable(),
    }),
  ),
});

export const PublishResultSchema = z.object({
  published: z.number().int(),
  scheduled: z.number().int(),
  /** Not approved or scheduled: left as they are. */
  skipped: z.number().int(),
  /** Publishable but flagged, and not overridden: left as they are, with the reasons. */
  held_back: z.array(HeldBackArticleSchema),
  first_publish_at: z.string().nullable(),
  last_publish_at: z.string().nullable(),
});

export type BoardQuery = z.infer<typeof BoardQuerySchema>;
export type HeldBackArticle = z.infer<typeof HeldBackArticleSchema>;
export type ArticleCard = z.infer<typeof ArticleCardSchema>;
export type BoardColumn = z.infer<typeof BoardColumnSchema>;
