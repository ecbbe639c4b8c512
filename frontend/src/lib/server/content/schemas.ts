import { FORM_FIELD_TYPES, SOCIAL_NETWORKS } from '@spark/contracts';
import { z } from 'zod';
import { log } from '../observability/logger.js';

/**
 * The shapes Directus answers with for the published-content reader. Parsed at the boundary so a schema drift
 * fails loudly here rather than as `undefined` deep inside a component. Loose where the CMS is loose
 * (optional columns), strict about types.
 */

const timestamp = z.string().datetime({ offset: true });
const nullableText = z.string().nullable().default(null);

const hex = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/);

/**
 * URLs typed into the CMS are not checked by the database. Ones that are not a site path or http(s) (a
 * `javascript:` link, a protocol-relative `//host`) are read as absent instead of being rendered.
 */
const SITE_OR_HTTP_URL = /^(?:\/(?!\/)\S*|https?:\/\/\S+)$/i;
const LINK_URL = /^(?:\/(?!\/)\S*|#[A-Za-z][\w-]*|https?:\/\/\S+|mailto:\S+|tel:\+?[0-9().\s-]+)$/i;
const safeUrl = (pattern: RegExp) =>
  z
    .string()
    .nullable()
    .default(null)
    .transform((value) => (value !== null && value.length <= 2048 && pattern.test(value) ? value : null));

type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];
interface SocialLink {
  network: SocialNetwork;
  url: string;
}
const isSocialLink = (link: { network: string; url: string }): link is SocialLink =>
  (SOCIAL_NETWORKS as readonly string[]).includes(link.network) && /^https:\/\/\S+$/.test(link.url);

/**
 * Globals style every page of a site, so one bad value must not take the site down: a field that does not
 * parse falls back to its default (a bad colour to that colour's default, the rest still applies) and is
 * logged for the site's editors to fix.
 */
function fallback<T extends z.ZodTypeAny>(field: string, schema: T, value: z.infer<T>) {
  return schema.catch(({ input }: { input: unknown }) => {
    log().warn(
      { event: 'globals.invalid_value', field, value: JSON.stringify(input)?.slice(0, 80) },
      'site globals value replaced by its default',
    );
    return value;
  });
}

const THEME_COLORS = ['primary', 'secondary', 'accent', 'background', 'text'] as const;
const themeColors = z.object(
  Object.fromEntries(
    THEME_COLORS.map((name) => [name, fallback(`colors.${name}`, hex.optional(), undefined)]),
  ) as {
    [K in (typeof THEME_COLORS)[number]]: z.ZodCatch<z.ZodOptional<typeof hex>>;
  },
);

export const globalsRowSchema = z.object({
  /** null: the site's own name is shown instead. */
  name: fallback('name', z.string().min(1).nullable().default(null), null),
  tagline: fallback('tagline', nullableText, null),
  logo_url: safeUrl(SITE_OR_HTTP_URL).catch(null),
  favicon_url: safeUrl(SITE_OR_HTTP_URL).catch(null),
  colors: fallback('colors', themeColors.nullable().default({}), {}).transform((colors) => colors ?? {}),
  footer_text: fallback('footer_text', nullableText, null),
  social_links: fallback(
    'social_links',
    z
      .array(z.object({ network: z.string(), url: z.string() }))
      .default([])
      .transform((links) => links.filter(isSocialLink)),
    [],
  ),
  allowed_script_sources: fallback('allowed_script_sources', z.array(z.string()).default([]), []),
});
export type GlobalsRow = z.infer<typeof globalsRowSchema>;

export const navigationRowSchema = z.object({
  id: z.string().uuid(),
  parent_id: z.string().uuid().nullable(),
  label: z.string().min(1),
  url: safeUrl(LINK_URL),
  sort: z.number().int().nullable().default(0),
  is_cta: z
    .boolean()
    .nullable()
    .default(false)
    .transform((flag) => flag === true),
});
export type NavigationRow = z.infer<typeof navigationRowSchema>;

export const pageRowSchema = z.object({
  id: z.string().uuid(),
  permalink: z.string(),
  title: z.string().min(1),
  /** Validated block by block at render time, so one bad block never hides the page. */
  blocks: z.array(z.unknown()).default([]),
  meta_title: nullableText,
  meta_description: nullableText,
  og_image_url: safeUrl(SITE_OR_HTTP_URL),
  noindex: z.boolean().default(false),
  published_at: timestamp.nullable(),
  date_updated: timestamp.nullable(),
});
export type PageRow = z.infer<typeof pageRowSchema>;

export const authorSchema = z.object({
  slug: z.string(),
  name: z.string().min(1),
  bio: nullableText,
  avatar_url: safeUrl(SITE_OR_HTTP_URL),
});
export type AuthorRow = z.infer<typeof authorSchema>;

export const postSummarySchema = z.object({
  slug: z.string(),
  title: z.string().min(1),
  excerpt: nullableText,
  cover_image_url: safeUrl(SITE_OR_HTTP_URL),
  tags: z.array(z.string()).default([]),
  published_at: timestamp,
  date_updated: timestamp.nullable(),
  author_id: z.object({ name: z.string(), slug: z.string() }).nullable().default(null),
});
export type PostSummary = z.infer<typeof postSummarySchema>;

export const postRowSchema = postSummarySchema.extend({
  id: z.string().uuid(),
  html_content: z.string(),
  meta_title: nullableText,
  meta_description: nullableText,
  author_id: authorSchema.nullable().default(null),
});
export type PostRow = z.infer<typeof postRowSchema>;

export const articleRowSchema = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  title: z.string().min(1),
  html_content: z.string(),
  excerpt: nullableText,
  meta_title: nullableText,
  meta_description: nullableText,
  word_count: z.number().int().default(0),
  /** The article's city, when it has one: its page lists nearby cities' articles, so it depends on them. */
  city_id: z.string().uuid().nullable().optional(),
  published_at: timestamp,
  date_updated: timestamp.nullable(),
});
export type ArticleRow = z.infer<typeof articleRowSchema>;

export const formFieldSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.string().min(1),
  type: z.enum(FORM_FIELD_TYPES),
  required: z.boolean().default(false),
  options: z.array(z.string()).optional(),
  max_length: z.number().int().positive().optional(),
});
export type FormFieldDefinition = z.infer<typeof formFieldSchema>;

export const formRowSchema = z.object({
  slug: z.string(),
  name: z.string(),
  fields: z.array(formFieldSchema),
  success_message: z.string(),
  redirect_url: safeUrl(SITE_OR_HTTP_URL),
});
export type FormDefinition = z.infer<typeof formRowSchema>;

export const offerRowSchema = z.object({
  name: z.string(),
  headline: z.string(),
  body: z.string(),
  cta_label: z.string(),
  cta_url: safeUrl(LINK_URL),
});
export type OfferRow = z.infer<typeof offerRowSchema>;
