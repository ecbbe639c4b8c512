import { database } from '../connections.js';
import { cachedRead } from './cached-read.js';
import { type OfferRow, offerRowSchema } from './schemas.js';

/**
 * An offer block by name: the site's own first, then the shared library's. Read with SQL because
 * `offer_blocks` is library data outside the published-content policy the Directus reader holds; the
 * query selects only the public columns and is cached under the same site version as everything else.
 */
export function findOffer(siteId: string, name: string): Promise<OfferRow | null> {
  return cachedRead(siteId, `offer:${encodeURIComponent(name)}`, async () => {
    const { rows } = await database().query(
      `select name, headline, body, cta_label, cta_url from offer_blocks
       where name = $2 and (site_id = $1 or site_id is null)
       order by site_id nulls last limit 1`,
      [siteId, name],
    );
    const row = rows[0];
    return row === undefined ? null : offerRowSchema.parse(row);
  });
}
