import { AppError, type Blueprint, isSiteBlueprint, parseBlueprint, validationError } from '@spark/contracts';
import pg, { type Pool, type PoolClient } from 'pg';
import { withTransaction } from '../pool.js';
import { importCampaigns } from './campaigns.js';
import { importAuthors, importForms, importPages, importPosts } from './content.js';
import { importLibrary } from './library.js';
import { importNavigation } from './navigation.js';
import { type ImportReport, ReportTally } from './report.js';
import { BlueprintReferenceError } from './resolve.js';
import { assertSiteScoped, checkOwnSiteUnchanged } from './scope.js';
import { importGlobals, importSite } from './site.js';

export interface ImportOptions {
  /** Do all the work inside the transaction, then roll it back: the report says what would change. */
  dryRun?: boolean;
  /**
   * Set for a caller who is not an administrator: the sites it may write. It may then re-import one of
   * those sites' own rows only: no new site, no change to the site row, no geography, no shared library.
   */
  onlySites?: readonly string[];
}

/** Thrown inside the transaction to roll a dry run back; carries the report out. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run rolled back');
  }
}

async function importParsed(
  client: PoolClient,
  bp: Blueprint,
  tally: ReportTally,
  onlySites: readonly string[] | undefined,
): Promise<string | null> {
  if (onlySites) assertSiteScoped(bp);
  if (!isSiteBlueprint(bp)) {
    await importLibrary(client, null, bp.library, tally);
    return null;
  }
  // Order follows the foreign keys: the site, then its library (campaigns reference avatars and
  // templates), then content, then campaigns.
  const siteId = onlySites
    ? await checkOwnSiteUnchanged(client, bp.site, onlySites, tally)
    : await importSite(client, bp.site, tally);
  if (bp.library) await importLibrary(client, siteId, bp.library, tally);
  await importGlobals(client, siteId, bp.globals, tally);
  const authorIds = await importAuthors(client, siteId, bp.authors, tally);
  await importForms(client, siteId, bp.forms, tally);
  await importPages(client, siteId, bp.pages, tally);
  await importPosts(client, siteId, bp.posts, authorIds, tally);
  await importNavigation(client, siteId, bp.navigation, tally);
  await importCampaigns(client, siteId, bp.campaigns, tally);
  return siteId;
}

/**
 * Imports a site blueprint (or the shared library) in one transaction, upserting every row by
 * its natural key (docs/blueprints.md). Rows whose values already match are left untouched, so
 * importing the same blueprint twice reports nothing created or updated.
 *
 * Rejects with AppError VALIDATION_FAILED (details.issues[].path) for a blueprint that breaks
 * the contract or names a library row that does not exist; nothing is written then.
 * Rows in the database that the blueprint does not mention are left alone (no pruning).
 */
export async function importBlueprint(
  pool: Pool,
  input: unknown,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const parsed = parseBlueprint(input);
  if (!parsed.success) throw validationError(parsed.error, 'Blueprint');
  const dryRun = options.dryRun ?? false;
  try {
    return await withTransaction(pool, async (client) => {
      const tally = new ReportTally();
      const siteId = await importParsed(client, parsed.data, tally, options.onlySites);
      const report = tally.toReport(dryRun, siteId);
      if (dryRun) throw new DryRunRollback(report);
      return report;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    if (error instanceof BlueprintReferenceError) {
      throw new AppError('VALIDATION_FAILED', `Blueprint is invalid — ${error.path}: ${error.message}`, {
        issues: [{ path: error.path, message: error.message }],
      });
    }
    // A host already claimed by another site, or a value a check constraint refuses, is the
    // blueprint's fault, not the server's: say so in the catalogued envelope.
    if (error instanceof pg.DatabaseError && error.code === '23505') {
      throw new AppError('CONFLICT', `Blueprint conflicts with existing data: ${error.message}`);
    }
    if (error instanceof pg.DatabaseError && error.code === '23514') {
      throw new AppError('VALIDATION_FAILED', `Blueprint is invalid: ${error.message}`);
    }
    throw error;
  }
}
