import { z } from 'zod';

const uuid = z.string().uuid();

/**
 * The content library a site's campaigns draw on. Rows with `site_id` null are the shared library: every site
 * reads them, only administrators change them.
 */
export const LIBRARY_COLLECTIONS = [
  'spintax_dictionaries',
  'content_fragments',
  'avatar_intelligence',
  'avatar_variants',
  'article_templates',
  'offer_blocks',
  'link_targets',
] as const;
export type LibraryCollection = (typeof LIBRARY_COLLECTIONS)[number];

/** Spintax variable names and fragment types share one shape (the database checks the same pattern). */
const variableName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,59}$/, 'must start with a letter and use only letters, digits and _');
const label = z.string().trim().min(1).max(200);
const longText = z.string().trim().min(1).max(20_000);
const optionalText = z.string().trim().max(2000).nullable();
const phrases = (max: number) => z.array(z.string().trim().min(1).max(300)).max(max);
const linkUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^(\/|https?:\/\/)/, 'must start with / or http(s)://');

/** What an editor may write per collection; `site_id` is never written by the caller (the scope decides it). */
export const LIBRARY_WRITE_SCHEMAS = {
  spintax_dictionaries: z
    .object({ category: variableName, terms: phrases(1000).min(1), description: optionalText.optional() })
    .strict(),
  content_fragments: z
    .object({ fragment_type: variableName, avatar_id: uuid.nullable().optional(), body: longText })
    .strict(),
  avatar_intelligence: z
    .object({
      name: label,
      description: optionalText.optional(),
      pain_points: phrases(100).optional(),
      goals: phrases(100).optional(),
      tone: optionalText.optional(),
    })
    .strict(),
  avatar_variants: z
    .object({
      avatar_id: uuid,
      name: label,
      variables: z.record(variableName, z.string().max(300)).optional(),
    })
    .strict(),
  article_templates: z
    .object({
      name: label,
      description: optionalText.optional(),
      fragment_types: z.array(variableName).max(50),
    })
    .strict(),
  offer_blocks: z
    .object({
      avatar_id: uuid.nullable().optional(),
      name: label,
      headline: z.string().trim().min(1).max(500),
      body: longText,
      cta_label: z.string().trim().min(1).max(120),
      cta_url: linkUrl,
    })
    .strict(),
  link_targets: z
    .object({
      url: linkUrl,
      anchor_texts: phrases(100).min(1),
      keywords: phrases(200).optional(),
      priority: z.number().int().min(-1000).max(1000).optional(),
      is_active: z.boolean().optional(),
    })
    .strict(),
} as const satisfies Record<LibraryCollection, z.AnyZodObject>;

export const LibraryCollectionParamsSchema = z.object({ collection: z.enum(LIBRARY_COLLECTIONS) }).strict();
export const LibraryItemParamsSchema = z
  .object({ collection: z.enum(LIBRARY_COLLECTIONS), id: uuid })
  .strict();

export const LibraryListQuerySchema = z
  .object({
    site_id: uuid.optional(),
    /** Case-insensitive text search over the collection's name-like field. */
    q: z.string().trim().max(100).optional(),
    fragment_type: variableName.optional(),
    avatar_id: uuid.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export const LibrarySiteQuerySchema = z.object({ site_id: uuid.optional() }).strict();

/** A write's body: an object whose fields the collection's schema in LIBRARY_WRITE_SCHEMAS then checks. */
export const LibraryWriteBodySchema = z.record(z.string(), z.unknown());

const coverageEntry = z.object({
  fragment_type: z.string(),
  /** How many rows can fill the slot: content fragments of its type, or offer blocks for the offer slot. */
  fragments: z.number().int().nonnegative(),
  filled_by: z.enum(['content_fragments', 'offer_blocks']),
});

/** A library row as Directus returned it, plus what the library pages show beside it. */
export const LibraryRowSchema = z
  .object({
    id: uuid,
    site_id: uuid.nullable(),
    /** A shared-library row: read-only unless the caller is an administrator. */
    shared: z.boolean(),
    /** content_fragments: one seeded spin of the body with the site's dictionaries (null if it does not parse). */
    sample: z.string().nullable().optional(),
    /** article_templates: per slot (in order), how many fragments (or offer blocks) the site can use. */
    coverage: z.array(coverageEntry).optional(),
  })
  .passthrough();

export const LibraryPageSchema = z.object({
  data: z.array(LibraryRowSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  limit: z.number().int().positive(),
});
export const LibraryItemSchema = z.object({ data: LibraryRowSchema });
export const LibraryDeletedSchema = z.object({ data: z.object({ id: uuid, deleted: z.literal(true) }) });

export const LocationQuerySchema = z
  .object({
    site_id: uuid.optional(),
    state_id: uuid.optional(),
    county_id: uuid.optional(),
    /** A name prefix: matching cities (within `state_id` when given), biggest first. */
    q: z.string().trim().max(80).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const LocationRowSchema = z.object({
  id: uuid,
  name: z.string(),
  state_code: z.string(),
  county: z.string().nullable(),
  population: z.number().int().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  /** States and counties: how many cities they hold. */
  cities: z.number().int().nullable(),
});

export const LocationPageSchema = z.object({
  level: z.enum(['state', 'county', 'city']),
  data: z.array(LocationRowSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  limit: z.number().int().positive(),
});

export type LibraryRow = z.infer<typeof LibraryRowSchema>;
export type LibraryPage = z.infer<typeof LibraryPageSchema>;
export type LibraryListQuery = z.infer<typeof LibraryListQuerySchema>;
export type LocationQuery = z.infer<typeof LocationQuerySchema>;
export type LocationPage = z.infer<typeof LocationPageSchema>;
export type LocationRow = z.infer<typeof LocationRowSchema>;
