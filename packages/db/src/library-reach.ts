import {
  describeReachShortfall,
  estimateReachableWords,
  offerBlockSource,
  parseSpintax,
  prepareFragments,
  type ReachEstimate,
  SpintaxSyntaxError,
} from '@spark/core';
import type { Pool, PoolClient } from 'pg';
import { loadSpintaxDictionaries } from './dictionaries.js';
import { loadTemplateLibrary, type TemplateLibrary } from './template-library.js';

export interface LibraryReach {
  readonly template_id: string;
  readonly target_word_count: number;
  readonly reachable_words: Pick<ReachEstimate, 'min' | 'median' | 'max'>;
  readonly missing_types: string[];
  /** Set when typical articles would fall short of the target (or a slot has no fragment). */
  readonly warning: string | null;
}

/**
 * How long the articles of a campaign's template can be with the site's library (its own and the shared
 * fragments and offers), against the campaign's target: what an author needs to know before generating.
 * null without a template. Fragments that do not parse are left out, as generation leaves them out. Pass the
 * template's library when the caller has already loaded it (the campaign preview does), so it is read once.
 */
export async function loadLibraryReach(
  client: Pool | PoolClient,
  campaign: {
    site_id: string;
    template_id: string | null;
    avatar_ids: readonly string[];
    target_word_count: number;
  },
  loaded?: TemplateLibrary | null,
): Promise<LibraryReach | null> {
  const library = loaded === undefined ? await loadTemplateLibrary(client, campaign) : loaded;
  if (library === null) return null;
  const { slotTypes } = library;
  const [dictionaries, offerRows] = await Promise.all([
    loadSpintaxDictionaries(client, campaign.site_id),
    client.query<{ headline: string; body: string; cta_label: string; cta_url: string }>(
      'select headline, body, cta_label, cta_url from offer_blocks where site_id = $1 or site_id is null',
      [campaign.site_id],
    ),
  ]);
  const { fragments } = prepareFragments(library.fragments, dictionaries);
  const offerBlocks = offerRows.rows.flatMap((row) => {
    try {
      return [{ body: parseSpintax(offerBlockSource(row), { dictionaries }) }];
    } catch (error) {
      if (error instanceof SpintaxSyntaxError) return [];
      throw error;
    }
  });
  const estimate = estimateReachableWords({ slotTypes, fragments, offerBlocks });
  return {
    template_id: library.templateId,
    target_word_count: campaign.target_word_count,
    reachable_words: { min: estimate.min, median: estimate.median, max: estimate.max },
    missing_types: [...estimate.missingTypes],
    warning: describeReachShortfall(estimate, campaign.target_word_count),
  };
}
