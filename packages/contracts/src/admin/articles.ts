import { z } from 'zod';

/** The review board: one column of a site's articles per status, paginated on the server. */

export const BOARD_STATUSES = ['qc', 'approved', 'scheduled', 'published'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export const BoardQuerySchema = z
  .object({
    site_id: z.string().uuid().optional(),
    status: z.enum(BOARD_STATUSES),
    campaign_id: z.string().uuid().optional(),
    /** Only articles with this open quality flag. */
    flag: z.enum(['short', 'near_duplicate', 'unresolved_token', 'invalid_html']).optional(),
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

export const BoardColumnSchema = z.object({
  data: z.array(ArticleCardSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const ApproveResultSchema = z.object({ approved: z.number().int(), skipped: z.number().int() });
export const ReturnedResultSchema = z.object({ returned: z.number().int(), skipped: z.number().int() });
export const PublishResultSchema = z.object({
  published: z.number().int(),
  scheduled: z.number().int(),
  skipped: z.number().int(),
  first_publish_at: z.string().nullable(),
  last_publish_at: z.string().nullable(),
});

export type BoardQuery = z.infer<typeof BoardQuerySchema>;
export type ArticleCard = z.infer<typeof ArticleCardSchema>;
export type BoardColumn = z.infer<typeof BoardColumnSchema>;
