import { z } from 'zod';
import { CAMPAIGN_STATUSES, LOCATION_MODES, VelocitySchema } from './blueprint-campaign.js';
import { insertLinksParams, MAX_ARTICLES_PER_JOB, scanDuplicatesParams } from './jobs/generation.js';
import { identifier, isoDateTime, text } from './primitives.js';

/** Request bodies of the content-factory API (`/api/campaigns`, `/api/seo/*`). */

const uuid = z.string().uuid();
const uniqueIds = (min: number, max: number) =>
  z
    .array(uuid)
    .min(min)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an id');

/** Where a campaign's articles are set; which fields a mode needs is checked against the saved campaign. */
export const CampaignLocationSchema = z
  .object({
    state_id: uuid.nullable(),
    county_id: uuid.nullable(),
    city_id: uuid.nullable(),
    center: z
      .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
      .strict()
      .nullable(),
    radius_km: z.number().positive().max(5000).nullable(),
  })
  .partial()
  .strict();

const campaignFields = {
  name: text(160),
  status: z.enum(CAMPAIGN_STATUSES),
  /** One headline pattern per line; each line is spintax (`{Best|Top} {Niche} in {City}`). */
  headline_spintax_root: z.string().trim().min(1).max(20_000),
  niche_variables: z
    .record(identifier, text(300))
    .refine((vars) => Object.keys(vars).length <= 50, 'at most 50 niche variables'),
  location_mode: z.enum(LOCATION_MODES),
  location: CampaignLocationSchema,
  avatar_ids: uniqueIds(0, 50),
  template_id: uuid.nullable(),
  target_word_count: z.number().int().min(200).max(20_000),
  velocity: VelocitySchema,
  timezone: z
    .string()
    .max(64)
    .regex(/^(?:UTC|[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+)$/, 'must be an IANA time zone like America/Chicago'),
};

export const CampaignCreateSchema = z
  .object({
    /** Required for admins and for editors of several sites; an editor of one site may omit it. */
    site_id: uuid.optional(),
    name: campaignFields.name,
    status: campaignFields.status.default('draft'),
    headline_spintax_root: campaignFields.headline_spintax_root,
    niche_variables: campaignFields.niche_variables.default({}),
    location_mode: campaignFields.location_mode.default('none'),
    location: campaignFields.location.default({}),
    avatar_ids: campaignFields.avatar_ids.default([]),
    template_id: campaignFields.template_id.default(null),
    target_word_count: campaignFields.target_word_count.default(1500),
    velocity: campaignFields.velocity.default({}),
    timezone: campaignFields.timezone.default('UTC'),
  })
  .strict();

export const CampaignPatchSchema = z
  .object(campaignFields)
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change');

export const CampaignListQuerySchema = z
  .object({
    site_id: uuid.optional(),
    status: z.enum(CAMPAIGN_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

/** A campaign being edited and not saved yet: what its headline space needs, for a preview as the user types. */
export const HeadlineDraftSchema = z
  .object({
    site_id: uuid.optional(),
    headline_spintax_root: campaignFields.headline_spintax_root,
    niche_variables: campaignFields.niche_variables.default({}),
    location_mode: campaignFields.location_mode.default('none'),
    location: campaignFields.location.default({}),
    avatar_ids: campaignFields.avatar_ids.default([]),
    /** With a template, the preview also answers how long its articles can be (see `library`). */
    template_id: campaignFields.template_id.optional(),
    target_word_count: campaignFields.target_word_count.optional(),
  })
  .strict();

export const GenerateHeadlinesSchema = z
  .object({
    /** The saved campaign; or, for a preview only, `draft` instead. */
    campaign_id: uuid.optional(),
    draft: HeadlineDraftSchema.optional(),
    /** true: count and sample only, nothing written. */
    preview: z.boolean().default(false),
    /** Preview: how many samples (≤ 100, default 10). Otherwise: how many new headlines (default 1000). */
    limit: z.number().int().min(1).max(MAX_ARTICLES_PER_JOB).optional(),
    seed: z.union([z.string().min(1).max(100), z.number().int()]).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.campaign_id === undefined) === (body.draft === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['campaign_id'], message: 'send either campaign_id or draft' });
    }
    if (body.draft && !body.preview) {
      ctx.addIssue({
        code: 'custom',
        path: ['draft'],
        message: 'a draft can only be previewed; save it first',
      });
    }
    if (body.preview && body.limit !== undefined && body.limit > 100) {
      ctx.addIssue({ code: 'custom', path: ['limit'], message: 'a preview shows at most 100 samples' });
    }
  });

export const GenerateArticleSchema = z
  .object({ campaign_id: uuid, count: z.number().int().min(1).max(MAX_ARTICLES_PER_JOB) })
  .strict();

/** Articles named by id, or every article of one generation job. */
const articleSelection = {
  article_ids: uniqueIds(1, 1000).optional(),
  job_id: uuid.optional(),
};
const oneSelection = (body: { article_ids?: string[]; job_id?: string }, ctx: z.RefinementCtx) => {
  if ((body.article_ids === undefined) === (body.job_id === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['article_ids'], message: 'send either article_ids or job_id' });
  }
};

export const ApproveBatchSchema = z.object(articleSelection).strict().superRefine(oneSelection);

export const PublishArticleSchema = z
  .object({
    ...articleSelection,
    /** Go live at this time instead of now; must not be in the past (no backdating). */
    publish_at: isoDateTime.optional(),
    /** Spread the articles over days with the campaign's publishing velocity, from publish_at or now. */
    velocity: z.boolean().default(false),
    /**
     * Publish or schedule articles with open quality flags anyway (the whole batch). Without it they are
     * held back and listed in the answer. The override is remembered on the article, so the scheduled
     * publisher honours it too, for the flags that existed when it was given.
     */
    override_quality: z.boolean().default(false),
    /** The same override for these articles only (each must also be in the selection). */
    override_article_ids: uniqueIds(1, 1000).optional(),
  })
  .strict()
  .superRefine(oneSelection);

/** approved or scheduled → back to review (qc); published articles are unpublished elsewhere, not here. */
export const ReturnToReviewSchema = z.object({ article_ids: uniqueIds(1, 1000) }).strict();

export const ProcessQueueSchema = z.object({ site_id: uuid.optional() }).strict();

export const ScanDuplicatesSchema = z
  .object({
    site_id: uuid.optional(),
    campaign_id: uuid.optional(),
    threshold: scanDuplicatesParams.shape.threshold,
  })
  .strict();

export const InsertLinksSchema = z
  .object({
    campaign_id: uuid,
    max_links: insertLinksParams.shape.max_links,
    nearby_km: insertLinksParams.shape.nearby_km,
  })
  .strict();

export type CampaignCreate = z.infer<typeof CampaignCreateSchema>;
export type CampaignPatch = z.infer<typeof CampaignPatchSchema>;
export type CampaignListQuery = z.infer<typeof CampaignListQuerySchema>;
export type GenerateHeadlinesRequest = z.infer<typeof GenerateHeadlinesSchema>;
export type HeadlineDraft = z.infer<typeof HeadlineDraftSchema>;
export type GenerateArticleRequest = z.infer<typeof GenerateArticleSchema>;
export type ApproveBatchRequest = z.infer<typeof ApproveBatchSchema>;
export type PublishArticleRequest = z.infer<typeof PublishArticleSchema>;
export type ReturnToReviewRequest = z.infer<typeof ReturnToReviewSchema>;
export type ScanDuplicatesRequest = z.infer<typeof ScanDuplicatesSchema>;
export type InsertLinksRequest = z.infer<typeof InsertLinksSchema>;
