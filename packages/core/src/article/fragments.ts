import { seededInt } from '../random/rng.js';
import type { SpintaxDictionaries, SpintaxTemplate } from '../spintax/ast.js';
import { SpintaxSyntaxError } from '../spintax/errors.js';
import { parseSpintax } from '../spintax/parse.js';

export interface ContentFragment {
  readonly id: string;
  readonly type: string;
  /** Parsed once per job with prepareFragments, never per article. */
  readonly body: SpintaxTemplate;
  /** How many articles already use it; selection prefers the least used. */
  readonly usageCount: number;
}

export interface RawFragment {
  readonly id: string;
  readonly type: string;
  readonly body: string;
  readonly usageCount?: number;
}

export interface FragmentParseError {
  readonly id: string;
  readonly error: SpintaxSyntaxError;
}

/** Parses a fragment library once; broken fragments are reported and left out, not thrown. */
export function prepareFragments(
  raw: readonly RawFragment[],
  dictionaries: SpintaxDictionaries = {},
): { fragments: ContentFragment[]; errors: FragmentParseError[] } {
  const fragments: ContentFragment[] = [];
  const errors: FragmentParseError[] = [];
  for (const fragment of raw) {
    try {
      const body = parseSpintax(fragment.body, { dictionaries });
      fragments.push({ id: fragment.id, type: fragment.type, body, usageCount: fragment.usageCount ?? 0 });
    } catch (error) {
      if (!(error instanceof SpintaxSyntaxError)) throw error;
      errors.push({ id: fragment.id, error });
    }
  }
  return { fragments, errors };
}

export interface FragmentSelection {
  readonly slot: number;
  readonly type: string;
  readonly fragment: ContentFragment;
}

/**
 * One fragment per template slot. Candidates are those of the slot's type, preferring ones not yet
 * used in this article, then the lowest usageCount (counting picks made for earlier slots); ties
 * are broken by an RNG seeded with `seed` (campaign + variant), after ordering ties by id so the
 * input order does not matter. Slots whose type has no fragment are returned in `missingTypes`.
 */
export function selectFragments(
  slotTypes: readonly string[],
  fragments: readonly ContentFragment[],
  seed: string,
): { selections: FragmentSelection[]; missingTypes: string[] } {
  const usage = new Map<string, number>();
  // The fragments of each type, in input order, grouped in the same pass.
  const byType = new Map<string, ContentFragment[]>();
  for (const fragment of fragments) {
    usage.set(fragment.id, fragment.usageCount);
    const ofType = byType.get(fragment.type);
    if (ofType === undefined) byType.set(fragment.type, [fragment]);
    else ofType.push(fragment);
  }
  const usedHere = new Set<string>();
  const selections: FragmentSelection[] = [];
  const missingTypes: string[] = [];

  slotTypes.forEach((type, slot) => {
    const ofType = byType.get(type);
    if (ofType === undefined) {
      missingTypes.push(type);
      return;
    }
    const fresh = usedHere.size === 0 ? ofType : ofType.filter((fragment) => !usedHere.has(fragment.id));
    const pool = fresh.length > 0 ? fresh : ofType;
    let lowest = Number.POSITIVE_INFINITY;
    for (const fragment of pool) lowest = Math.min(lowest, usage.get(fragment.id) ?? 0);
    const ties = pool
      .filter((fragment) => (usage.get(fragment.id) ?? 0) === lowest)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const chosen = ties[seededInt(`${seed}:slot:${slot}:${type}`, ties.length)] as ContentFragment;
    usage.set(chosen.id, lowest + 1);
    usedHere.add(chosen.id);
    selections.push({ slot, type, fragment: chosen });
  });
  return { selections, missingTypes };
}

export interface OfferBlock {
  readonly id: string;
  /** null = generic offer, used when the avatar has none of its own. */
  readonly avatarId: string | null;
  readonly body: SpintaxTemplate;
}

/** An offer block's stored fields. */
export interface OfferFields {
  readonly headline: string;
  readonly body: string;
  readonly cta_label: string;
  readonly cta_url: string;
}

/** The spintax source an offer block is rendered from: its headline, its text and its call to action as a link. */
export function offerBlockSource(offer: OfferFields): string {
  return `<h3>${offer.headline}</h3><p>${offer.body}</p><p><a href="${offer.cta_url}">${offer.cta_label}</a></p>`;
}

/** The avatar's own offers win over generic ones; among several, the seed decides. */
export function selectOfferBlock(
  offers: readonly OfferBlock[],
  avatarId: string | null,
  seed: string,
): OfferBlock | null {
  const own = avatarId === null ? [] : offers.filter((offer) => offer.avatarId === avatarId);
  const pool = own.length > 0 ? own : offers.filter((offer) => offer.avatarId === null);
  if (pool.length === 0) return null;
  const sorted = [...pool].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sorted[seededInt(`${seed}:offer`, sorted.length)] ?? null;
}
