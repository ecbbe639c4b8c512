import { escapeHtml } from '../html/entities.js';
import { sanitizeHtmlWithText } from '../html/sanitizeHtml.js';
import type { SpintaxTemplate, VariableBindings } from '../spintax/ast.js';
import { normaliseBindings } from '../spintax/bindings.js';
import { countVariants } from '../spintax/count.js';
import { writeSeededVariant } from '../spintax/unrank.js';
import { type ContentFragment, type OfferBlock, selectFragments, selectOfferBlock } from './fragments.js';
import { polishProse } from './grammar.js';
import { type ArticleSchema, type BreadcrumbEntry, buildArticleSchema } from './jsonLd.js';
import { buildExcerpt, buildMetaDescription, buildMetaTitle } from './meta.js';
import { checkArticleQuality, type QualityFailure, type QualityFlag } from './qualityGates.js';
import { DEFAULT_SLUG_MAX_LENGTH, slugify, uniqueSlug } from './slug.js';

/** Template slot type that receives the avatar's offer block instead of a library fragment. */
export const OFFER_SLOT = 'offer';

export interface AssembleArticleInput {
  readonly campaignId: string;
  /** Identifies the variant, e.g. the cartesian item's generationKey; seeds every choice. */
  readonly variantKey: string;
  /** The article template's ordered fragment types. */
  readonly slotTypes: readonly string[];
  readonly fragments: readonly ContentFragment[];
  readonly offerBlocks?: readonly OfferBlock[];
  readonly avatarId?: string | null;
  /** Already-rendered headline (plain text). */
  readonly headline: string;
  readonly bindings: VariableBindings;
  readonly site: { readonly name: string; readonly url: string; readonly logoUrl?: string };
  /** Site-relative path for a slug; default `/${slug}`. */
  readonly articlePath?: (slug: string) => string;
  /** Ancestors for the breadcrumb (e.g. Home › Texas › Austin). */
  readonly breadcrumbs?: readonly BreadcrumbEntry[];
  readonly locationName?: string;
  /** Slugs already used on the site (and earlier in the batch); not modified. */
  readonly takenSlugs: ReadonlySet<string>;
  readonly targetWordCount: number;
  readonly minWordRatio?: number;
  readonly slugMaxLength?: number;
}

export interface AssembledArticle {
  readonly title: string;
  readonly slug: string;
  readonly url: string;
  readonly html: string;
  /** Visible text of `html`, exactly htmlToText(html): the basis of word count, excerpt and fingerprint. */
  readonly text: string;
  readonly excerpt: string;
  readonly metaTitle: string;
  readonly metaDescription: string;
  readonly wordCount: number;
  readonly schema: ArticleSchema;
  /** Fragment ids in slot order, so the caller can increment their usage counts. */
  readonly fragmentIds: readonly string[];
  readonly offerBlockId: string | null;
  readonly flags: readonly QualityFlag[];
}

export type AssembleArticleResult =
  | { readonly ok: true; readonly article: AssembledArticle }
  | { readonly ok: false; readonly failures: readonly QualityFailure[] };

/**
 * Appends one seeded variant of `body` to `out` (seeded by campaign + variant + slot): the variant
 * createRng(seed).nextBigInt(countVariants(body)) picks, or nothing when the body has no variant.
 * Unbound variables are kept as `{Name}` so the quality gate reports them all at once.
 */
function spin(body: SpintaxTemplate, seed: string, values: ReadonlyMap<string, string>, out: string[]): void {
  const count = countVariants(body);
  if (count === 0n) return;
  writeSeededVariant(body, seed, values, true, out);
}

/**
 * Deterministic: the same input yields the same article. Pipeline: select fragments → spin each
 * (seeded by campaign + variant + slot) → substitute HTML-escaped variables → polish the prose
 * (polishProse) → sanitise → quality
 * gates → meta, excerpt, slug, JSON-LD (undated until published).
 */
export function assembleArticle(input: AssembleArticleInput): AssembleArticleResult {
  const seed = `${input.campaignId}:${input.variantKey}`;
  const htmlBindings: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.bindings)) {
    if (value !== null && value !== undefined) htmlBindings[name] = escapeHtml(String(value));
  }
  // Normalised once for every fragment (unrankVariant would do it per call).
  const htmlValues = normaliseBindings(htmlBindings);
  const librarySlots = input.slotTypes.filter((type) => type !== OFFER_SLOT);
  const { selections, missingTypes } = selectFragments(librarySlots, input.fragments, seed);
  const offer = input.slotTypes.includes(OFFER_SLOT)
    ? selectOfferBlock(input.offerBlocks ?? [], input.avatarId ?? null, seed)
    : null;

  // Every slot's variant, one line each, written as pieces of one string and joined once.
  const pieces: string[] = [];
  let written = 0;
  let next = 0;
  input.slotTypes.forEach((type, slot) => {
    if (type === OFFER_SLOT) {
      if (offer !== null) {
        if (written > 0) pieces.push('\n');
        written += 1;
        spin(offer.body, `${seed}:offer:${slot}`, htmlValues, pieces);
      }
      return;
    }
    const selection = selections.find((candidate) => candidate.slot === next);
    next += 1;
    if (selection !== undefined) {
      if (written > 0) pieces.push('\n');
      written += 1;
      spin(selection.fragment.body, `${seed}:slot:${slot}:${selection.fragment.id}`, htmlValues, pieces);
    }
  });

  // Spinning's seams (a/an, capitals, doubled words, spacing) are repaired on the whole article, whose
  // slots join mid-sentence just as choices do; then it is sanitised, and its text (htmlToText) and
  // word count come from the same pass.
  const { html, text, wordCount } = sanitizeHtmlWithText(polishProse(pieces.join('')));
  const title = input.headline.replace(/\s+/g, ' ').trim();
  const verdict = checkArticleQuality({
    title,
    html,
    wordCount,
    targetWordCount: input.targetWordCount,
    minWordRatio: input.minWordRatio,
    missingTypes,
  });
  if (verdict.failures.length > 0) return { ok: false, failures: verdict.failures };

  const maxLength = input.slugMaxLength ?? DEFAULT_SLUG_MAX_LENGTH;
  const slug = uniqueSlug(slugify(title, maxLength), input.takenSlugs, maxLength);
  const url = `${input.site.url.replace(/\/+$/, '')}${(input.articlePath ?? ((s: string) => `/${s}`))(slug)}`;
  const metaDescription = buildMetaDescription(text);
  const schema = buildArticleSchema({
    headline: title,
    description: metaDescription,
    url,
    siteName: input.site.name,
    siteUrl: input.site.url,
    logoUrl: input.site.logoUrl,
    wordCount,
    locationName: input.locationName,
    breadcrumbs: input.breadcrumbs ?? [{ name: input.site.name, url: input.site.url }],
  });
  return {
    ok: true,
    article: {
      title,
      slug,
      url,
      html,
      text,
      excerpt: buildExcerpt(text),
      metaTitle: buildMetaTitle(title, ` | ${input.site.name}`),
      metaDescription,
      wordCount,
      schema,
      fragmentIds: selections.map((selection) => selection.fragment.id),
      offerBlockId: offer?.id ?? null,
      flags: verdict.flags,
    },
  };
}
