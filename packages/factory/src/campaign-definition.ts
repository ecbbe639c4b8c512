import { HeadlineDraftSchema, validationError } from '@spark/contracts';
import { loadSpintaxDictionaries, type Pool, type PoolClient } from '@spark/db';
import { requireValidHeadlines } from './headline-patterns.js';

const DefinitionSchema = HeadlineDraftSchema.pick({ headline_spintax_root: true, niche_variables: true });

/**
 * A stored campaign's headline definition (spintax root and niche variables) checked by the rules the API's
 * create and update apply: the variables' names and values, then every line's spintax with the site's
 * dictionaries, each problem with its line and column. For a door that writes the columns directly.
 */
export async function validateHeadlineDefinition(
  db: Pool | PoolClient,
  siteId: string,
  definition: { headline_spintax_root: unknown; niche_variables: unknown },
): Promise<void> {
  const parsed = DefinitionSchema.safeParse({
    headline_spintax_root: definition.headline_spintax_root,
    niche_variables: definition.niche_variables ?? {},
  });
  if (!parsed.success) throw validationError(parsed.error, 'Campaign');
  const dictionaries = await loadSpintaxDictionaries(db, siteId);
  requireValidHeadlines(parsed.data.headline_spintax_root, parsed.data.niche_variables, dictionaries);
}
