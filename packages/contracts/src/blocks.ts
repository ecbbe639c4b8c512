import { z } from 'zod';
import { html, image, imageUrl, link, optionalText, slug, text } from './primitives.js';

/**
 * Page blocks: one discriminated union on `type`, rendered by BlockRenderer.
 * Every object is `.strict()` so a misspelt field fails validation instead of silently
 * rendering nothing, and every array is capped so one page cannot grow without bound.
 */

/** Fields every block may carry: `anchor` becomes the element id for in-page links. */
const base = {
  anchor: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}$/, 'must start with a letter and use a-z, 0-9, -')
    .optional(),
};

const heading = optionalText(160);

export const HeroBlockSchema = z
  .object({
    ...base,
    type: z.literal('hero'),
    eyebrow: optionalText(80),
    heading: text(160),
    subheading: optionalText(400),
    primary_cta: link.optional(),
    secondary_cta: link.optional(),
    image: image.optional(),
    align: z.enum(['left', 'center']).default('left'),
  })
  .strict();

export const RichTextBlockSchema = z
  .object({ ...base, type: z.literal('rich_text'), html: html(50_000) })
  .strict();

export const ColumnsBlockSchema = z
  .object({
    ...base,
    type: z.literal('columns'),
    heading,
    columns: z
      .array(z.object({ heading: optionalText(160), html: html(10_000) }).strict())
      .min(2)
      .max(4),
  })
  .strict();

export const MediaBlockSchema = z
  .object({
    ...base,
    type: z.literal('media'),
    kind: z.enum(['image', 'video']),
    url: imageUrl,
    alt: z.string().trim().max(200),
    caption: optionalText(300),
  })
  .strict();

export const StepsBlockSchema = z
  .object({
    ...base,
    type: z.literal('steps'),
    heading,
    items: z
      .array(z.object({ title: text(120), body: text(600) }).strict())
      .min(1)
      .max(12),
  })
  .strict();

export const QuoteBlockSchema = z
  .object({ ...base, type: z.literal('quote'), text: text(800), cite: optionalText(160) })
  .strict();

export const GalleryBlockSchema = z
  .object({ ...base, type: z.literal('gallery'), heading, images: z.array(image).min(1).max(24) })
  .strict();

export const FaqBlockSchema = z
  .object({
    ...base,
    type: z.literal('faq'),
    heading,
    items: z
      .array(z.object({ question: text(250), answer: text(2000) }).strict())
      .min(1)
      .max(30),
  })
  .strict();

export const PostsListBlockSchema = z
  .object({
    ...base,
    type: z.literal('posts_list'),
    heading,
    limit: z.number().int().min(1).max(24).default(6),
    tag: optionalText(60),
  })
  .strict();

/** References a form of the same site by slug; the blueprint checks the reference resolves. */
export const FormBlockSchema = z
  .object({
    ...base,
    type: z.literal('form'),
    form: slug,
    heading,
    intro: optionalText(600),
  })
  .strict();

export const FeaturesBlockSchema = z
  .object({
    ...base,
    type: z.literal('features'),
    heading,
    intro: optionalText(600),
    items: z
      .array(
        z
          .object({
            title: text(120),
            body: text(600),
            icon: z
              .string()
              .regex(/^[a-z0-9-]{1,40}$/, 'must be an icon name like shield-check')
              .optional(),
          })
          .strict(),
      )
      .min(1)
      .max(12),
  })
  .strict();

export const CtaBlockSchema = z
  .object({
    ...base,
    type: z.literal('cta'),
    heading: text(160),
    body: optionalText(600),
    primary: link,
    secondary: link.optional(),
  })
  .strict();

export const TestimonialBlockSchema = z
  .object({
    ...base,
    type: z.literal('testimonial'),
    heading,
    items: z
      .array(
        z
          .object({
            quote: text(800),
            author: text(120),
            role: optionalText(120),
            rating: z.number().int().min(1).max(5).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(12),
  })
  .strict();

export const PricingBlockSchema = z
  .object({
    ...base,
    type: z.literal('pricing'),
    heading,
    plans: z
      .array(
        z
          .object({
            name: text(80),
            price: text(40),
            period: optionalText(40),
            features: z.array(text(160)).max(12),
            cta: link.optional(),
            highlighted: z.boolean().default(false),
          })
          .strict(),
      )
      .min(1)
      .max(4),
  })
  .strict();

export const StatsBlockSchema = z
  .object({
    ...base,
    type: z.literal('stats'),
    heading,
    items: z
      .array(z.object({ value: text(24), label: text(80) }).strict())
      .min(1)
      .max(8),
  })
  .strict();

/**
 * Renders an `offer_blocks` row chosen by name. The name may live in the site's library or
 * the shared one, so it is resolved at render time rather than checked by the blueprint.
 */
export const OfferBlockSchema = z
  .object({ ...base, type: z.literal('offer'), offer: text(120), heading })
  .strict();

export const BlockSchema = z.discriminatedUnion('type', [
  HeroBlockSchema,
  RichTextBlockSchema,
  ColumnsBlockSchema,
  MediaBlockSchema,
  StepsBlockSchema,
  QuoteBlockSchema,
  GalleryBlockSchema,
  FaqBlockSchema,
  PostsListBlockSchema,
  FormBlockSchema,
  FeaturesBlockSchema,
  CtaBlockSchema,
  TestimonialBlockSchema,
  PricingBlockSchema,
  StatsBlockSchema,
  OfferBlockSchema,
]);

export const BlocksSchema = z.array(BlockSchema).max(40);

export type Block = z.infer<typeof BlockSchema>;
/** What authors write: defaults (e.g. `align`, `limit`) may be omitted. */
export type BlockInput = z.input<typeof BlockSchema>;
export type BlockType = Block['type'];
export const BLOCK_TYPES = BlockSchema.options.map((o) => o.shape.type.value) as readonly BlockType[];
