import { z } from 'zod';
import { CAMPAIGN_STATUSES, LOCATION_MODES } from '../blueprint-campaign.js';

/** Response bodies of `/api/campaigns` and the headline preview, as the admin app reads them. */

const uuid = z.string().uuid();
/** Counts beyond 2^53 travel as decimal strings (a JSON number would lose digits). */
export const ExactCountSchema = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]);
const countsByStatus = z.record(z.string(), z.number().int().nonnegative());

export const CampaignViewSchema = z.object({
  id: uuid,
  site_id: uuid,
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  headline_spintax_root: z.string(),
  niche_variables: z.record(z.string(), z.string()),
  location_mode: z.enum(LOCATION_MODES),
  location: z.object({
    state_id: uuid.nullable(),
    county_id: uuid.nullable(),
    city_id: uuid.nullable(),
    center: z.object({ lat: z.number(), lng: z.number() }).nullable(),
    radius_km: z.number().nullable(),
  }),
  /** Read-only: "Dallas, TX" when a city sits at a radius campaign's centre. */
  center_city: z.string().nullable(),
  avatar_ids: z.array(uuid),
  template_id: uuid.nullable(),
  target_word_count: z.number().int(),
  velocity: z.object({
    mode: z.enum(['steady', 'ramp_up']),
    per_day: z.number().int(),
    ramp_to: z.number().int().optional(),
    ramp_days: z.number().int().optional(),
    weekend_factor: z.number(),
  }),
  timezone: z.string(),
  date_created: z.string(),
  date_updated: z.string().nullable(),
});

export const CampaignStatsSchema = z.object({ inventory: countsByStatus, articles: countsByStatus });

export const LastJobSchema = z.object({
  id: uuid,
  status: z.string(),
  processed: z.number().int(),
  failed: z.number().int(),
  total: z.number().int(),
  date_created: z.string(),
});

export const CampaignListSchema = z.object({
  data: z.array(
    CampaignViewSchema.extend({ stats: CampaignStatsSchema.optional(), last_job: LastJobSchema.nullable() }),
  ),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const CampaignDetailSchema = z.object({
  data: CampaignViewSchema.extend({ stats: CampaignStatsSchema }),
});
export const CampaignSavedSchema = z.object({ data: CampaignViewSchema });

export const HeadlinePreviewSchema = z.object({
  /** Reachable article length with the template and library (null without a template, as in a draft). */
  library: z
    .object({
      template_id: z.string(),
      target_word_count: z.number().int(),
      reachable_words: z.object({ min: z.number().int(), median: z.number().int(), max: z.number().int() }),
      missing_types: z.array(z.string()),
      warning: z.string().nullable(),
    })
    .nullable()
    .optional(),
  total: ExactCountSchema,
  /** Cities the location target covers. */
  locations: z.number().int().nonnegative(),
  /** Up to 300 of those cities, biggest first, for the editor's map. */
  cities: z.array(
    z.object({
      name: z.string(),
      state_code: z.string(),
      lat: z.number().nullable(),
      lng: z.number().nullable(),
    }),
  ),
  patterns: z.array(z.object({ id: z.string(), line: z.number().int(), variants: ExactCountSchema })),
  samples: z.array(
    z.object({
      index: ExactCountSchema,
      headline: z.string(),
      city: z.string().nullable(),
      state_code: z.string().nullable(),
      avatar: z.string().nullable(),
      variant_key: z.string(),
    }),
  ),
});

/** `POST /api/seo/generate-headlines` without `preview`: what was added and what the inventory now holds. */
export const HeadlinesPersistedSchema = z.object({
  total: ExactCountSchema,
  inserted: z.number().int().nonnegative(),
  inventory: z.object({
    available: z.number().int().nonnegative(),
    claimed: z.number().int().nonnegative(),
    used: z.number().int().nonnegative(),
  }),
});

export const CampaignDeletedSchema = z.object({ data: z.object({ deleted: uuid }) });

/** What the campaign editor offers to pick from: the site's and the shared library's rows, by name. */
export const CampaignOptionsSchema = z.object({
  data: z.object({
    avatars: z.array(z.object({ id: uuid, name: z.string() })),
    templates: z.array(z.object({ id: uuid, name: z.string(), fragment_types: z.array(z.string()) })),
    /** Fragments the site can use (its own and the shared library's), by type: a template's coverage. */
    fragment_counts: z.record(z.string(), z.number().int().nonnegative()),
    states: z.array(z.object({ id: uuid, name: z.string(), code: z.string() })),
  }),
});

/** `GET /api/admin/places`: counties or cities whose name starts with `q`, optionally within one state. */
export const PlaceQuerySchema = z
  .object({
    site_id: uuid.optional(),
    kind: z.enum(['county', 'city']),
    q: z.string().trim().max(80).default(''),
    state_id: uuid.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

export const PlaceSearchSchema = z.object({
  data: z.array(
    z.object({
      id: uuid,
      kind: z.enum(['county', 'city']),
      name: z.string(),
      state_code: z.string(),
      lat: z.number().nullable(),
      lng: z.number().nullable(),
    }),
  ),
});

export type CampaignView = z.infer<typeof CampaignViewSchema>;
export type CampaignListItem = z.infer<typeof CampaignListSchema>['data'][number];
export type CampaignDetail = z.infer<typeof CampaignDetailSchema>['data'];
export type HeadlinePreview = z.infer<typeof HeadlinePreviewSchema>;
export type CampaignOptions = z.infer<typeof CampaignOptionsSchema>['data'];
export type PlaceQuery = z.infer<typeof PlaceQuerySchema>;
export type Place = z.infer<typeof PlaceSearchSchema>['data'][number];
