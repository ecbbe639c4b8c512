import type { Globals, Site } from '@spark/contracts';
import type { PoolClient } from 'pg';
import type { ReportTally } from './report.js';
import { jsonb } from './sql.js';
import { upsertRow } from './upsert.js';

/** Sites are keyed by domain; globals by site (one row per site). */
export async function importSite(client: PoolClient, site: Site, tally: ReportTally): Promise<string> {
  const { id } = await upsertRow(
    client,
    {
      table: 'sites',
      key: { domain: site.domain },
      lookupFirst: true,
      values: {
        name: site.name,
        domain_aliases: site.domain_aliases,
        status: site.status,
        settings: jsonb(site.settings),
      },
    },
    tally,
  );
  return id;
}

export async function importGlobals(
  client: PoolClient,
  siteId: string,
  g: Globals,
  tally: ReportTally,
): Promise<void> {
  await upsertRow(
    client,
    {
      table: 'globals',
      key: { site_id: siteId },
      values: {
        name: g.name,
        tagline: g.tagline,
        logo_url: g.logo_url ?? null,
        favicon_url: g.favicon_url ?? null,
        colors: jsonb(g.colors),
        footer_text: g.footer_text,
        social_links: jsonb(g.social_links),
        allowed_script_sources: g.allowed_script_sources,
      },
    },
    tally,
  );
}
