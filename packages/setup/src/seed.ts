import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ImportReport, importBlueprint } from '@spark/db';
import type { Pool } from 'pg';

export const DEFAULT_BLUEPRINT_DIR = fileURLToPath(new URL('../../../database/blueprints', import.meta.url));

/** A blueprint with `site: null` carries the shared library that tenant blueprints may reference. */
const isLibrary = (blueprint: unknown) =>
  typeof blueprint === 'object' && blueprint !== null && 'site' in blueprint && blueprint.site === null;

/**
 * Loads every blueprint in `dir` through the same importer as `POST /api/admin/import-blueprint`: shared
 * libraries first, then tenants, each in name order. Every import is idempotent, so re-running changes nothing.
 */
export async function seedBlueprints(
  pool: Pool,
  dir = DEFAULT_BLUEPRINT_DIR,
): Promise<Map<string, ImportReport>> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const blueprints = await Promise.all(
    files.map(async (file) => ({
      file,
      blueprint: JSON.parse(await readFile(join(dir, file), 'utf8')) as unknown,
    })),
  );
  blueprints.sort((a, b) => Number(isLibrary(b.blueprint)) - Number(isLibrary(a.blueprint)));
  const reports = new Map<string, ImportReport>();
  for (const { file, blueprint } of blueprints) {
    reports.set(file, await importBlueprint(pool, blueprint, { dryRun: false }));
  }
  return reports;
}
