import { type ImportReport, importBlueprint, writeWorkLog } from '@spark/db';
import type { FactoryDeps } from './deps.js';
import type { Principal } from './principal.js';

/**
 * The demo data and this endpoint share one importer (`@spark/db`), so both behave identically.
 * Administrators import anything (new sites, the shared library, geography). Anyone else is held by the
 * importer, inside its transaction, to what their Directus editor policy allows: a re-import of one of
 * their own sites' rows, the site row itself restated unchanged, nothing global, and no row of another
 * site taken over through a natural key.
 */
export async function importBlueprintAs(
  deps: FactoryDeps,
  principal: Principal,
  blueprint: unknown,
  dryRun: boolean,
): Promise<ImportReport> {
  const report = await importBlueprint(deps.db, blueprint, {
    dryRun,
    ...(principal.isAdmin ? {} : { onlySites: principal.siteIds }),
  });
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);
  await writeWorkLog(
    {
      action: dryRun ? 'blueprint.dry_run' : 'blueprint.import',
      entityType: 'sites',
      entityId: report.siteId,
      // A restricted dry run names an existing site; an administrator's may name one it rolled back.
      siteId: dryRun && principal.isAdmin ? null : report.siteId,
      userId: principal.userId,
      details: {
        created: sum(report.created),
        updated: sum(report.updated),
        unchanged: sum(report.unchanged),
      },
    },
    deps.db,
  );
  return report;
}
