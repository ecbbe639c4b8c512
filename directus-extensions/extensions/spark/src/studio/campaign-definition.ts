import type { Pool } from '@spark/db';
import type { Principal } from '@spark/factory';
import { validateHeadlineDefinition } from '@spark/factory';
import { asDirectusRefusal } from './refuse.js';

type Payload = Record<string, unknown>;

const DEFINITION = ['headline_spintax_root', 'niche_variables'] as const;

export const touchesDefinition = (payload: Payload) => DEFINITION.some((field) => field in payload);

/**
 * A campaign created in the Studio: its spintax and variables are checked like the API's create. The site is
 * the payload's, or the caller's only site (the editor's preset fills it after this check).
 */
export async function checkCreatedCampaign(db: Pool, payload: Payload, principal: Principal | null) {
  const siteId =
    typeof payload.site_id === 'string'
      ? payload.site_id
      : principal?.siteIds.length === 1
        ? principal.siteIds[0]
        : undefined;
  // Without a site Directus refuses the row itself (site_id is required).
  if (!siteId) return;
  await asDirectusRefusal(() =>
    validateHeadlineDefinition(db, siteId, {
      headline_spintax_root: payload.headline_spintax_root,
      niche_variables: payload.niche_variables,
    }),
  );
}

/** Campaigns edited in the Studio: each one's definition as it will be after the change is checked. */
export async function checkUpdatedCampaigns(db: Pool, keys: string[], payload: Payload) {
  if (!touchesDefinition(payload)) return;
  const { rows } = await db.query<{
    id: string;
    site_id: string;
    headline_spintax_root: string;
    niche_variables: unknown;
  }>(
    'select id, site_id, headline_spintax_root, niche_variables from campaign_masters where id = any($1::uuid[])',
    [keys],
  );
  for (const row of rows) {
    await asDirectusRefusal(() =>
      validateHeadlineDefinition(db, row.site_id, {
        headline_spintax_root:
          'headline_spintax_root' in payload ? payload.headline_spintax_root : row.headline_spintax_root,
        niche_variables: 'niche_variables' in payload ? payload.niche_variables : row.niche_variables,
      }),
    );
  }
}
