import { z } from 'zod';
import { type PrivacyNotice, privacyNotice } from '../../../components/blocks/privacy-notice.js';
import { database } from '../connections.js';
import { cachedRead } from './cached-read.js';

/** Where a site's privacy policy conventionally lives; the first published one is linked. */
const POLICY_PERMALINKS = ['/privacy', '/privacy-policy'];

const rowSchema = z.object({
  notice: z.string().max(1000).nullable().catch(null),
  policy_path: z.string().nullable(),
});

/**
 * The privacy notice for the site's forms: `sites.settings.privacy_notice` (settings are not a Directus
 * content collection, so they are read from PostgreSQL as the lead and analytics settings are) and the
 * site's published privacy page. Cached with the site's content.
 */
export function loadPrivacyNotice(siteId: string): Promise<PrivacyNotice> {
  return cachedRead(siteId, 'privacy-notice', async () => {
    const { rows } = await database().query(
      `select s.settings ->> 'privacy_notice' as notice,
              (select p.permalink from pages p
                where p.site_id = s.id and p.status = 'published' and p.published_at <= now()
                  and p.permalink = any($2::text[])
                order by array_position($2::text[], p.permalink) limit 1) as policy_path
         from sites s where s.id = $1`,
      [siteId, POLICY_PERMALINKS],
    );
    const row = rowSchema.safeParse(rows[0] ?? { notice: null, policy_path: null });
    return row.success ? privacyNotice(row.data.notice, row.data.policy_path) : privacyNotice(null, null);
  });
}
