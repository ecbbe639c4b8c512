import type { SpintaxDictionaries } from '@spark/core';
import type { Pool, PoolClient } from 'pg';

/**
 * A site's spintax dictionaries over the shared library's, keyed by lower-case category (variables are
 * case-insensitive): a site category shadows a shared one of that name. Non-string terms are skipped.
 */
export async function loadSpintaxDictionaries(
  client: Pool | PoolClient,
  siteId: string,
): Promise<SpintaxDictionaries> {
  const { rows } = await client.query<{ category: string; terms: unknown }>(
    `select category, terms from spintax_dictionaries
     where site_id = $1 or site_id is null order by site_id nulls first`,
    [siteId],
  );
  const dictionaries: Record<string, string[]> = {};
  for (const row of rows) {
    const terms = Array.isArray(row.terms) ? row.terms.filter((t): t is string => typeof t === 'string') : [];
    dictionaries[row.category.toLowerCase()] = terms;
  }
  return dictionaries;
}
