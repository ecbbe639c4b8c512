import { AppError } from '@spark/contracts';
import {
  describeMissingLocationTokens,
  type LocationMode,
  missingLocationTokens,
  PLACE_FACT_VARIABLES,
  type SpintaxTemplate,
} from '@spark/core';
import type { Pool, PoolClient } from '@spark/db';

interface ArticleSource {
  site_id: string;
  template_id: string | null;
  avatar_ids: string[];
}

/**
 * The fragment bodies an article of the campaign can be assembled from: those of its template's fragment types,
 * the site's own and the shared library's, written for one of its avatars or for any.
 */
export async function loadFragmentTexts(client: Pool | PoolClient, source: ArticleSource): Promise<string[]> {
  if (!source.template_id) return [];
  const { rows } = await client.query<{ body: string }>(
    `select f.body from content_fragments f
     join article_templates t on t.id = $1 and (t.site_id = $2 or t.site_id is null)
     where f.fragment_type in (select jsonb_array_elements_text(t.fragment_types))
       and (f.site_id = $2 or f.site_id is null)
       and (f.avatar_id is null or f.avatar_id = any($3::uuid[]))`,
    [source.template_id, source.site_id, source.avatar_ids],
  );
  return rows.map((row) => row.body);
}

/**
 * Refuses (422, naming each token) a campaign whose headlines or fragments use place variables its location
 * mode cannot fill — `{City}` without a location, `{County}` when some target cities have none — before any
 * headline is reserved, instead of a job whose every article fails.
 */
export function assertPlaceVariablesFillable(
  texts: Iterable<string | SpintaxTemplate>,
  mode: LocationMode,
  citiesWithoutCounty = 0,
): void {
  const missing = missingLocationTokens(texts, {
    mode,
    citiesWithoutCounty,
    extraLocationVariables: PLACE_FACT_VARIABLES,
  });
  if (missing.length > 0) throw new AppError('VALIDATION_FAILED', describeMissingLocationTokens(missing));
}
