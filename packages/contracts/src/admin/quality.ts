import { z } from 'zod';

/** Quality review (near-duplicate pairs, short articles) and the internal-links report of the admin. */

const uuid = z.string().uuid();

/** The flags the quality page reviews; the others are fixed by regenerating, not by a decision. */
export const REVIEWED_FLAG_TYPES = ['near_duplicate', 'short'] as const;
export const QUALITY_FLAG_STATUSES = ['open', 'resolved', 'ignored'] as const;

export const QualityFlagsQuerySchema = z
  .object({
    site_id: uuid.optional(),
    type: z.enum(REVIEWED_FLAG_TYPES).default('near_duplicate'),
    status: z.enum(QUALITY_FLAG_STATUSES).default('open'),
    campaign_id: uuid.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

/** One side of a flag: the article and, for a pair, the shared passage as written in it. */
export const FlaggedArticleSchema = z.object({
  id: uuid,
  title: z.string(),
  slug: z.string(),
  status: z.string(),
  campaign_id: uuid.nullable(),
  word_count: z.number().int(),
  date_created: z.string(),
  /** The shared passage with some text either side; null for single-article flags or when not found. */
  passage: z.object({ before: z.string(), shared: z.string(), after: z.string() }).nullable(),
});

export const QualityFlagSchema = z.object({
  id: uuid,
  site_id: uuid,
  type: z.enum(REVIEWED_FLAG_TYPES),
  status: z.enum(QUALITY_FLAG_STATUSES),
  /** near_duplicate: estimated similarity 0–1; short: the word count. */
  score: z.number().nullable(),
  /** Minimum words the campaign asked for (short flags). */
  target_word_count: z.number().int().nullable(),
  date_created: z.string(),
  article: FlaggedArticleSchema,
  /** The other article of a pair: the older one is `article` whenever the two differ in age. */
  other: FlaggedArticleSchema.nullable(),
});

export const QualityFlagPageSchema = z.object({
  data: z.array(QualityFlagSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

/**
 * resolve: the duplicate is real. The newer article of the pair goes back to review (approved or scheduled →
 * qc) so it is rewritten or archived before it can publish; a published one stays up (unpublishing is a
 * separate decision) and the answer says so. dismiss: a false positive; the flag stops holding articles back.
 */
export const QualityDecisionSchema = z
  .object({ decision: z.enum(['resolve', 'dismiss']), note: z.string().trim().max(500).optional() })
  .strict();

export const QualityDecisionResultSchema = z.object({
  data: z.object({
    id: uuid,
    status: z.enum(QUALITY_FLAG_STATUSES),
    /** The article sent back to review by a resolve, or null (dismissed, or it was not approved/scheduled). */
    returned_article_id: uuid.nullable(),
  }),
});

export const LinksReportQuerySchema = z.object({ campaign_id: uuid }).strict();

export const LinksReportSchema = z.object({
  data: z.object({
    campaign_id: uuid,
    /** Articles counted: the campaign's articles that are not archived. */
    articles: z.number().int(),
    links: z.number().int(),
    /** How many articles have n outgoing internal links, n ascending. */
    outgoing: z.array(z.object({ links: z.number().int(), articles: z.number().int() })),
    /** Articles no other article links to, oldest first (at most 200 listed; `orphan_count` is exact). */
    orphan_count: z.number().int(),
    orphans: z.array(z.object({ id: uuid, title: z.string(), slug: z.string(), status: z.string() })),
    /** The latest insert-links run of the campaign, if any. */
    last_run: z
      .object({
        id: uuid,
        status: z.string(),
        processed: z.number().int(),
        total: z.number().int(),
        error: z.string().nullable(),
        date_created: z.string(),
      })
      .nullable(),
  }),
});

export type QualityFlagsQuery = z.infer<typeof QualityFlagsQuerySchema>;
export type QualityFlag = z.infer<typeof QualityFlagSchema>;
export type QualityFlagPage = z.infer<typeof QualityFlagPageSchema>;
export type QualityDecision = z.infer<typeof QualityDecisionSchema>;
export type LinksReport = z.infer<typeof LinksReportSchema>;
