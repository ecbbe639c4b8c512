import { AppError, isSiteBlueprint, parseBlueprint, validationError } from '@spark/contracts';
import { type ImportReport, importBlueprint } from '@spark/db';
import type { Principal } from '../auth/principal.js';
import { database } from '../connections.js';
import { writeWorkLog } from '../work-log.js';

/**
 * Who may import what: administrators import anything (new sites, the shared library); a site-scoped
 * user may re-import only a blueprint of a site they belong to, and never the shared library.
 */
async function assertMayImport(principal: Principal, blueprint: unknown): Promise<void> {
  if (principal.isAdmin) return;
  const parsed = parseBlueprint(blueprint);
  if (!parsed.success) throw validationError(parsed.error, 'Blueprint');
  if (!isSiteBlueprint(parsed.data)) {
    throw new AppError(
      'FORBIDDEN',
      'Only administrators can import the shared library (a blueprint with site: null)',
    );
  }
  const { rows } = await database().query<{ id: string }>('select id from sites where domain = $1', [
    parsed.data.site.domain,
  ]);
  const siteId = rows[0]?.id;
  if (!siteId || !principal.siteIds.includes(siteId)) {
    throw new AppError(
      'FORBIDDEN',
      `Your token cannot import ${parsed.data.site.domain}: only administrators create sites`,
    );
  }
}

/** The demo data and this endpoint share one importer (`@spark/db`), so both behave identically. */
export async function importBlueprintAs(
  principal: Principal,
  blueprint: unknown,
  dryRun: boolean,
): Promise<ImportReport> {
  await assertMayImport(principal, blueprint);
  const report = await importBlueprint(database(), blueprint, { dryRun });
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);
  await writeWorkLog({
    action: dryRun ? 'blueprint.dry_run' : 'blueprint.import',
    entityType: 'sites',
    entityId: report.siteId,
    siteId: dryRun ? null : report.siteId,
    userId: principal.userId,
    details: { created: sum(report.created), updated: sum(report.updated), unchanged: sum(report.unchanged) },
  });
  return report;
}
