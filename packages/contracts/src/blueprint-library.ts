import { z } from 'zod';
import { href, identifier, optionalText, stateCode, text } from './primitives.js';

/**
 * The content library: avatars, geo, spintax dictionaries, patterns, templates, fragments and
 * offers. In a site blueprint these rows belong to that site; in the shared library blueprint
 * (`site: null`) they are written with `site_id null` and are readable by every tenant.
 */

export const AvatarSchema = z
  .object({
    name: text(120),
    description: text(1000),
    pain_points: z.array(text(300)).max(20).default([]),
    goals: z.array(text(300)).max(20).default([]),
    tone: optionalText(120),
  })
  .strict();

export const AvatarVariantSchema = z
  .object({
    /** Name of an avatar in this blueprint's library, or in the shared library. */
    avatar: text(120),
    name: text(120),
    /** Extra spintax variables the variant supplies, e.g. `{ "Pronoun": "she" }`. */
    variables: z.record(identifier, text(300)).default({}),
  })
  .strict();

export const GeoStateSchema = z.object({ code: stateCode, name: text(80) }).strict();

export const GeoCountySchema = z
  .object({
    state_code: stateCode,
    name: text(120),
    fips: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
  })
  .strict();

export const GeoCitySchema = z
  .object({
    name: text(120),
    state_code: stateCode,
    county: optionalText(120),
    population: z.number().int().min(0).max(100_000_000),
    zip_codes: z
      .array(z.string().regex(/^\d{5}$/, 'must be a five-digit ZIP code'))
      .max(200)
      .default([]),
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
  })
  .strict();

export const GeoSchema = z
  .object({
    states: z.array(GeoStateSchema).max(60).default([]),
    counties: z.array(GeoCountySchema).max(4000).default([]),
    cities: z.array(GeoCitySchema).max(50_000).default([]),
  })
  .strict();

export const SpintaxDictionarySchema = z
  .object({ category: identifier, terms: z.array(text(200)).min(1).max(500) })
  .strict();

export const CartesianPatternSchema = z
  .object({
    name: text(120),
    /** A spintax headline formula, e.g. `{Best|Top} {Niche} in {City}`; validated by the engine when used. */
    pattern: text(1000),
  })
  .strict();

export const ArticleTemplateSchema = z
  .object({ name: text(120), fragment_types: z.array(identifier).min(1).max(30) })
  .strict();

/** Natural key: (type, body); editing a body therefore adds a fragment rather than changing one. */
export const ContentFragmentSchema = z
  .object({
    type: identifier,
    body: text(20_000),
    /** Avatar the fragment was written for (preferred for it); omitted = any avatar. */
    avatar: text(120).optional(),
  })
  .strict();

export const LibraryOfferSchema = z
  .object({
    name: text(120),
    /** Avatar this offer targets; omitted = fallback offer for any avatar. */
    avatar: text(120).optional(),
    headline: text(200),
    body: text(2000),
    cta_label: text(80),
    cta_url: href,
  })
  .strict();

export const LibrarySchema = z
  .object({
    avatars: z.array(AvatarSchema).max(200).default([]),
    avatar_variants: z.array(AvatarVariantSchema).max(1000).default([]),
    geo: GeoSchema.optional(),
    spintax_dictionaries: z.array(SpintaxDictionarySchema).max(500).default([]),
    cartesian_patterns: z.array(CartesianPatternSchema).max(500).default([]),
    article_templates: z.array(ArticleTemplateSchema).max(100).default([]),
    content_fragments: z.array(ContentFragmentSchema).max(5000).default([]),
    offer_blocks: z.array(LibraryOfferSchema).max(500).default([]),
  })
  .strict();

export type Avatar = z.infer<typeof AvatarSchema>;
export type AvatarVariant = z.infer<typeof AvatarVariantSchema>;
export type GeoState = z.infer<typeof GeoStateSchema>;
export type GeoCounty = z.infer<typeof GeoCountySchema>;
export type GeoCity = z.infer<typeof GeoCitySchema>;
export type Geo = z.infer<typeof GeoSchema>;
export type SpintaxDictionary = z.infer<typeof SpintaxDictionarySchema>;
export type CartesianPattern = z.infer<typeof CartesianPatternSchema>;
export type ArticleTemplate = z.infer<typeof ArticleTemplateSchema>;
export type ContentFragment = z.infer<typeof ContentFragmentSchema>;
export type LibraryOffer = z.infer<typeof LibraryOfferSchema>;
export type Library = z.infer<typeof LibrarySchema>;
