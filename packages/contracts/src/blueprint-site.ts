import { z } from 'zod';
import { BlocksSchema } from './blocks.js';
import {
  hexColor,
  hostname,
  href,
  html,
  imageUrl,
  isoDateTime,
  optionalText,
  permalink,
  slug,
  text,
} from './primitives.js';

/** Site-owned parts of a blueprint: the site row, globals, navigation, pages, posts, authors, forms. */

export const SITE_STATUSES = ['active', 'paused', 'archived'] as const;
export const CONTENT_STATUSES = ['draft', 'published', 'archived'] as const;

export const SiteSchema = z
  .object({
    name: text(120),
    domain: hostname,
    domain_aliases: z.array(hostname).max(20).default([]),
    status: z.enum(SITE_STATUSES).default('active'),
    settings: z.record(z.unknown()).default({}),
  })
  .strict();

export const SOCIAL_NETWORKS = [
  'facebook',
  'instagram',
  'x',
  'linkedin',
  'youtube',
  'tiktok',
  'pinterest',
  'yelp',
  'google',
  'nextdoor',
] as const;

export const GlobalsSchema = z
  .object({
    name: text(120),
    tagline: text(200),
    logo_url: imageUrl.optional(),
    favicon_url: imageUrl.optional(),
    colors: z
      .object({
        primary: hexColor,
        secondary: hexColor,
        accent: hexColor,
        background: hexColor,
        text: hexColor,
      })
      .strict(),
    footer_text: text(500),
    social_links: z
      .array(
        z
          .object({
            network: z.enum(SOCIAL_NETWORKS),
            url: z
              .string()
              .url()
              .max(2048)
              .regex(/^https:\/\//, 'must be https'),
          })
          .strict(),
      )
      .max(12)
      .default([]),
    /**
     * Origins (scheme + host) a tenant may load head scripts from; rendered into the CSP. Paths are
     * rejected so an allow-list entry can never be narrower than what the browser enforces.
     */
    allowed_script_sources: z
      .array(
        z.string().regex(/^https:\/\/[a-z0-9.-]+(?::\d{1,5})?$/, 'must be an https origin without a path'),
      )
      .max(20)
      .default([]),
  })
  .strict();

export type NavItem = {
  label: string;
  url: string;
  /** Drawn as the header's call-to-action button instead of a menu link (one top-level item, no children). */
  is_cta?: boolean | undefined;
  children?: NavItem[] | undefined;
};

export const NAV_MAX_DEPTH = 3;

/** Navigation is a tree; each item's natural key is its label path from the root, so sibling labels must be unique. */
export const NavItemSchema: z.ZodType<NavItem> = z.lazy(() =>
  z
    .object({
      label: text(80),
      url: href,
      is_cta: z.boolean().optional(),
      children: z.array(NavItemSchema).max(20).optional(),
    })
    .strict(),
);

export const PageSchema = z
  .object({
    permalink,
    title: text(160),
    status: z.enum(CONTENT_STATUSES),
    seo: z
      .object({
        title: optionalText(70),
        description: optionalText(160),
        og_image: imageUrl.optional(),
        noindex: z.boolean().optional(),
      })
      .strict()
      .default({}),
    blocks: BlocksSchema,
  })
  .strict();

export const AuthorSchema = z
  .object({
    slug,
    name: text(120),
    bio: optionalText(1000),
    avatar_url: imageUrl.optional(),
  })
  .strict();

export const PostSchema = z
  .object({
    slug,
    title: text(200),
    excerpt: text(500),
    html: html(100_000),
    status: z.enum(CONTENT_STATUSES),
    author: slug.optional(),
    /** Honest dates only: when the post actually went live (no backdating, of generated work or anything else). */
    published_at: isoDateTime.optional(),
    tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  })
  .strict();

export const FORM_FIELD_TYPES = ['text', 'email', 'tel', 'textarea', 'select', 'checkbox', 'hidden'] as const;

export const FormFieldSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be snake_case, starting with a letter'),
    label: text(120),
    type: z.enum(FORM_FIELD_TYPES),
    required: z.boolean(),
    options: z.array(text(120)).min(1).max(50).optional(),
    max_length: z.number().int().min(1).max(5000).optional(),
  })
  .strict()
  .superRefine((field, ctx) => {
    if (field.type === 'select' && !field.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a select field needs options' });
    }
    if (field.type !== 'select' && field.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'only select fields take options' });
    }
  });

export const FormSchema = z
  .object({
    slug,
    name: text(120),
    fields: z.array(FormFieldSchema).min(1).max(30),
    success_message: text(500),
    redirect_url: href.optional(),
  })
  .strict();

export type Site = z.infer<typeof SiteSchema>;
export type Globals = z.infer<typeof GlobalsSchema>;
export type Page = z.infer<typeof PageSchema>;
export type Author = z.infer<typeof AuthorSchema>;
export type Post = z.infer<typeof PostSchema>;
export type FormField = z.infer<typeof FormFieldSchema>;
export type Form = z.infer<typeof FormSchema>;
