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
 * null without a template. Fragments that do not parse are left out, as generation leaves them out.
 */
export async function loadLibraryReach(
  client: Pool | PoolClient,
  campaign: { site_id: string; template_id: string | null; target_word_count: number },
): Promise<LibraryReach | null> {
  if (campaign.template_id === null) return null;
  const { rows: templates } = await client.query<{ fragment_types: unknown }>(
    'select fragment_types from article_templates where id = $1 and (site_id = $2 or site_id is null)',
    [campaign.template_id, campaign.site_id],
  );
  const template = templates[0];
  if (!template) return null;
  const slotTypes = Array.isArray(template.fragment_types)
    ? template.fragment_types.filter((type): type is string => typeof type === 'string')
    : [];
  const dictionaries = await loadSpintaxDictionaries(client, campaign.site_id);
  const [fragmentRows, offerRows] = await Promise.all([
    client.query<{ id: string; fragment_type: string; body: string }>(
      `select id, fragment_type, body from content_fragments
       where (site_id = $1 or site_id is null) and fragment_type = any($2::text[])`,
      [campaign.site_id, slotTypes],
    ),
    client.query<{ headline: string; body: string; cta_label: string; cta_url: string }>(
      'select headline, body, cta_label, cta_url from offer_blocks where site_id = $1 or site_id is null',
      [campaign.site_id],
    ),
  ]);
  const { fragments } = prepareFragments(
    fragmentRows.rows.map((row) => ({ id: row.id, type: row.fragment_type, body: row.body })),
    dictionaries,
  );
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
    template_id: campaign.template_id,
    target_word_count: campaign.target_word_count,
    reachable_words: { min: estimate.min, median: estimate.median, max: estimate.max },
    missing_types: [...estimate.missingTypes],
    warning: describeReachShortfall(estimate, campaign.target_word_count),
  };
}
