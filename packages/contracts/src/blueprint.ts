import { z } from 'zod';
import { CampaignSchema } from './blueprint-campaign.js';
import { type Library, LibrarySchema } from './blueprint-library.js';
import {
  AuthorSchema,
  FormSchema,
  GlobalsSchema,
  NAV_MAX_DEPTH,
  type NavItem,
  NavItemSchema,
  PageSchema,
  PostSchema,
  SiteSchema,
} from './blueprint-site.js';

/**
 * A site blueprint: everything one tenant needs, imported idempotently by natural keys
 * (see docs/blueprints.md). A blueprint with `site: null` carries only the shared library.
 */

export const BLUEPRINT_VERSION = 1;

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

/** Reports every repeat of a natural key at the repeated item's path. */
function checkUnique<T>(items: readonly T[], keyOf: (item: T) => string, path: Path, what: string, ctx: Ctx) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (seen.has(key))
      ctx.addIssue({ code: 'custom', path: [...path, i], message: `duplicate ${what} "${key}"` });
    seen.add(key);
  });
}

function checkNavigation(items: readonly NavItem[], path: Path, depth: number, ctx: Ctx) {
  checkUnique(items, (n) => n.label.toLowerCase(), path, 'navigation label among siblings', ctx);
  const ctas = items.flatMap((item, i) => (item.is_cta ? [i] : []));
  for (const i of depth > 1 ? ctas : ctas.slice(1))
    ctx.addIssue({
      code: 'custom',
      path: [...path, i, 'is_cta'],
      message: 'only one top-level navigation item is the call to action',
    });
  items.forEach((item, i) => {
    if (item.is_cta && item.children?.length)
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'children'],
        message: 'the call-to-action item is a button and has no children',
      });
    if (!item.children) return;
    if (depth >= NAV_MAX_DEPTH) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'children'],
        message: `navigation is at most ${NAV_MAX_DEPTH} levels deep`,
      });
      return;
    }
    checkNavigation(item.children, [...path, i, 'children'], depth + 1, ctx);
  });
}

function checkLibrary(lib: Library, ctx: Ctx) {
  const at = (...p: Path): Path => ['library', ...p];
  checkUnique(lib.avatars, (a) => a.name, at('avatars'), 'avatar name', ctx);
  checkUnique(
    lib.avatar_variants,
    (v) => `${v.avatar} / ${v.name}`,
    at('avatar_variants'),
    'avatar variant',
    ctx,
  );
  checkUnique(
    lib.spintax_dictionaries,
    (d) => d.category.toLowerCase(),
    at('spintax_dictionaries'),
    'dictionary category',
    ctx,
  );
  checkUnique(lib.cartesian_patterns, (p) => p.name, at('cartesian_patterns'), 'cartesian pattern name', ctx);
  checkUnique(lib.article_templates, (t) => t.name, at('article_templates'), 'article template name', ctx);
  checkUnique(
    lib.content_fragments,
    (f) => `${f.type}\u0000${f.body}`,
    at('content_fragments'),
    'content fragment',
    ctx,
  );
  checkUnique(lib.offer_blocks, (o) => o.name, at('offer_blocks'), 'offer name', ctx);
  const geo = lib.geo;
  if (!geo) return;
  checkUnique(geo.states, (s) => s.code, at('geo', 'states'), 'state code', ctx);
  checkUnique(geo.counties, (c) => `${c.state_code}/${c.name}`, at('geo', 'counties'), 'county', ctx);
  checkUnique(geo.cities, (c) => `${c.state_code}/${c.name}`, at('geo', 'cities'), 'city', ctx);
  // Geo is self-contained so that a typo in a state or county name fails here, not as a missing FK row.
  const states = new Set(geo.states.map((s) => s.code));
  const counties = new Set(geo.counties.map((c) => `${c.state_code}/${c.name}`));
  geo.counties.forEach((c, i) => {
    if (!states.has(c.state_code))
      ctx.addIssue({
        code: 'custom',
        path: at('geo', 'counties', i, 'state_code'),
        message: `unknown state "${c.state_code}"`,
      });
  });
  geo.cities.forEach((c, i) => {
    if (!states.has(c.state_code))
      ctx.addIssue({
        code: 'custom',
        path: at('geo', 'cities', i, 'state_code'),
        message: `unknown state "${c.state_code}"`,
      });
    else if (c.county !== undefined && !counties.has(`${c.state_code}/${c.county}`)) {
      ctx.addIssue({
        code: 'custom',
        path: at('geo', 'cities', i, 'county'),
        message: `unknown county "${c.county}" in ${c.state_code}`,
      });
    }
  });
}

export const SiteBlueprintSchema = z
  .object({
    version: z.literal(BLUEPRINT_VERSION),
    site: SiteSchema,
    globals: GlobalsSchema,
    navigation: z.array(NavItemSchema).max(20).default([]),
    pages: z.array(PageSchema).max(500).default([]),
    authors: z.array(AuthorSchema).max(100).default([]),
    posts: z.array(PostSchema).max(2000).default([]),
    forms: z.array(FormSchema).max(50).default([]),
    library: LibrarySchema.optional(),
    campaigns: z.array(CampaignSchema).max(100).default([]),
  })
  .strict()
  .superRefine((bp, ctx) => {
    checkUnique(bp.pages, (p) => p.permalink, ['pages'], 'permalink', ctx);
    checkUnique(bp.posts, (p) => p.slug, ['posts'], 'post slug', ctx);
    checkUnique(bp.forms, (f) => f.slug, ['forms'], 'form slug', ctx);
    checkUnique(bp.authors, (a) => a.slug, ['authors'], 'author slug', ctx);
    checkUnique(bp.campaigns, (c) => c.name, ['campaigns'], 'campaign name', ctx);
    checkNavigation(bp.navigation, ['navigation'], 1, ctx);
    for (const [i, f] of bp.forms.entries()) {
      checkUnique(f.fields, (x) => x.name, ['forms', i, 'fields'], 'field name', ctx);
    }
    const forms = new Set(bp.forms.map((f) => f.slug));
    for (const [p, page] of bp.pages.entries()) {
      for (const [b, block] of page.blocks.entries()) {
        if (block.type === 'form' && !forms.has(block.form)) {
          ctx.addIssue({
            code: 'custom',
            path: ['pages', p, 'blocks', b, 'form'],
            message: `no form with slug "${block.form}" in this blueprint`,
          });
        }
      }
    }
    const authors = new Set(bp.authors.map((a) => a.slug));
    bp.posts.forEach((post, i) => {
      if (post.author !== undefined && !authors.has(post.author)) {
        ctx.addIssue({
          code: 'custom',
          path: ['posts', i, 'author'],
          message: `no author with slug "${post.author}" in this blueprint`,
        });
      }
    });
    if (bp.library) checkLibrary(bp.library, ctx);
  });

/** The shared library: no site, so nothing but library rows (written with `site_id null`). */
export const LibraryBlueprintSchema = z
  .object({
    version: z.literal(BLUEPRINT_VERSION),
    site: z.null(),
    library: LibrarySchema,
  })
  .strict()
  .superRefine((bp, ctx) => checkLibrary(bp.library, ctx));

export type SiteBlueprint = z.infer<typeof SiteBlueprintSchema>;
export type SiteBlueprintInput = z.input<typeof SiteBlueprintSchema>;
export type LibraryBlueprint = z.infer<typeof LibraryBlueprintSchema>;
export type LibraryBlueprintInput = z.input<typeof LibraryBlueprintSchema>;
export type Blueprint = SiteBlueprint | LibraryBlueprint;

function isSharedLibrary(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'site' in input && input.site === null;
}

/**
 * Chooses the variant by `site === null` before validating, instead of a plain `z.union`,
 * so errors point at the offending field (e.g. `pages.0.blocks.2.type`) rather than
 * reporting that no union member matched.
 */
export const BlueprintSchema = z.unknown().transform((input, ctx): Blueprint => {
  const schema = isSharedLibrary(input) ? LibraryBlueprintSchema : SiteBlueprintSchema;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.addIssue(issue);
  return z.NEVER;
});

export function parseBlueprint(input: unknown): z.SafeParseReturnType<unknown, Blueprint> {
  return BlueprintSchema.safeParse(input);
}

export function isSiteBlueprint(bp: Blueprint): bp is SiteBlueprint {
  return bp.site !== null;
}
