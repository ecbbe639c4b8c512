import { AppError, type Blueprint, isSiteBlueprint, type Site } from '@spark/contracts';
import type { PoolClient } from 'pg';
import type { ReportTally } from './report.js';
import { jsonb, Params } from './sql.js';

/** The site-row fields only an administrator may change: they decide which hosts and settings a tenant has. */
const PROTECTED_SITE_FIELDS = ['name', 'domain_aliases', 'status', 'settings'] as const;

/**
 * What a caller who is not an administrator may import, decided before anything is written: a blueprint of
 * one of its own sites, as its editor policy allows in Directus. The shared library (site: null) and
 * geography are global and belong to administrators; a new site would claim a host.
 */
export function assertSiteScoped(bp: Blueprint): asserts bp is Extract<Blueprint, { site: Site }> {
  if (!isSiteBlueprint(bp)) {
    throw new AppError(
      'FORBIDDEN',
      'Only administrators can import the shared library (a blueprint with site: null)',
    );
  }
  const geo = bp.library?.geo;
  if (geo && geo.states.length + geo.counties.length + geo.cities.length > 0) {
    throw new AppError(
      'FORBIDDEN',
      'Only administrators can import geography (library.geo): it is shared by every site',
    );
  }
}

/**
 * Stands in for the site upsert of a restricted caller: the site must exist and be one of `allowedSites`,
 * and the blueprint must restate its protected fields unchanged. Returns the site's id; writes nothing.
 */
export async function checkOwnSiteUnchanged(
  client: PoolClient,
  site: Site,
  allowedSites: readonly string[],
  tally: ReportTally,
): Promise<string> {
  const params = new Params();
  const domain = params.add(site.domain);
  const differs = [
    `name is distinct from ${params.add(site.name)} as name`,
    `domain_aliases is distinct from ${params.add(site.domain_aliases)}::text[] as domain_aliases`,
    `status is distinct from ${params.add(site.status)} as status`,
    `settings is distinct from ${params.add(jsonb(site.settings))} as settings`,
  ];
  const { rows } = await client.query<
    { id: string } & Record<(typeof PROTECTED_SITE_FIELDS)[number], boolean>
  >(`select id, ${differs.join(', ')} from sites where domain = ${domain} for share`, params.list);
  const row = rows[0];
  if (!row || !allowedSites.includes(row.id)) {
    throw new AppError(
      'FORBIDDEN',
      `Your token cannot import ${site.domain}: only administrators create sites or import other sites`,
    );
  }
  const changed = PROTECTED_SITE_FIELDS.filter((field) => row[field]);
  if (changed.length > 0) {
    throw new AppError(
      'FORBIDDEN',
      `Only administrators change a site's ${changed.join(', ')}; restate the current values to re-import`,
      { fields: changed },
    );
  }
  tally.count('sites', 'unchanged');
  return row.id;
}
