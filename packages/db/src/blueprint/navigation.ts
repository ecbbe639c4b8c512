import type { NavItem } from '@spark/contracts';
import type { PoolClient } from 'pg';
import type { ReportTally } from './report.js';
import { upsertRow } from './upsert.js';

/**
 * Navigation items are keyed by their label path: (site, parent, lower(label)), matching the
 * table's unique index, so renaming an item's URL or order updates it in place. Sort follows the
 * blueprint's order among siblings.
 */
export async function importNavigation(
  client: PoolClient,
  siteId: string,
  items: readonly NavItem[],
  tally: ReportTally,
  parentId: string | null = null,
): Promise<void> {
  for (const [sort, item] of items.entries()) {
    const { id } = await upsertRow(
      client,
      {
        table: 'navigation',
        key: { site_id: siteId, parent_id: parentId, label: { value: item.label, fold: 'lower' } },
        values: { label: item.label, url: item.url, is_cta: item.is_cta ?? false, sort },
      },
      tally,
    );
    if (item.children) await importNavigation(client, siteId, item.children, tally, id);
  }
}
