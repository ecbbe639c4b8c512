import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { withTransaction } from './pool.js';

/** The repository's `database/` directory (this file is packages/db/src/schema.ts). */
export const DEFAULT_SCHEMA_DIR = fileURLToPath(new URL('../../../database', import.meta.url));

const SCHEMA_FILE = /^(\d{3})_[a-z0-9_]+\.sql$/;

/** Arbitrary but fixed: every applier of this schema takes the same advisory lock. */
const SCHEMA_LOCK_KEY = 7_305_071_120;

/**
 * The `NNN_name.sql` files of `dir` in numeric (Harris-Matrix batch) order. Any other `.sql` file
 * or a repeated number is an error: it would silently not run, or run in an undefined order.
 */
export async function listSchemaFiles(dir: string = DEFAULT_SCHEMA_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isFile() && e.name.endsWith('.sql')).map((e) => e.name);
  const misnamed = names.filter((name) => !SCHEMA_FILE.test(name));
  if (misnamed.length > 0) {
    throw new Error(
      `schema files must be named NNN_name.sql (lower-case); rename ${misnamed.join(', ')} in ${dir}`,
    );
  }
  const sorted = names.sort();
  const numbers = sorted.map((name) => name.slice(0, 3));
  const repeated = numbers.filter((n, i) => numbers.indexOf(n) !== i);
  if (repeated.length > 0) {
    throw new Error(
      `schema files share the number(s) ${[...new Set(repeated)].join(', ')} in ${dir}; order is ambiguous`,
    );
  }
  if (sorted.length === 0) throw new Error(`no NNN_name.sql schema files in ${dir}`);
  return sorted;
}

export interface ApplySchemaOptions {
  dir?: string;
}

/**
 * Applies every schema file in order, in one transaction under an advisory lock, so concurrent
 * appliers run one after the other and a failing file leaves the database as it was.
 * The files are idempotent, so this is safe on every start. Returns the file names applied.
 */
export async function applySchema(pool: pg.Pool, options: ApplySchemaOptions = {}): Promise<string[]> {
  const dir = options.dir ?? DEFAULT_SCHEMA_DIR;
  const files = await listSchemaFiles(dir);
  const sources = await Promise.all(files.map((name) => readFile(path.join(dir, name), 'utf8')));
  await withTransaction(pool, async (client) => {
    await client.query('select pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
    for (const [i, name] of files.entries()) {
      const source = sources[i] ?? '';
      try {
        await client.query(source);
      } catch (error) {
        throw new Error(`applying ${name} failed: ${describeError(error, source)}`, { cause: error });
      }
    }
  });
  return files;
}

function describeError(error: unknown, source: string): string {
  if (!(error instanceof pg.DatabaseError)) return error instanceof Error ? error.message : String(error);
  const at = error.position ? ` (line ${lineOf(source, Number(error.position))})` : '';
  const where = error.where ? `; ${error.where}` : '';
  return `${error.message}${at}${where}`;
}

/** `position` from Postgres is a 1-based character offset into the query text. */
function lineOf(source: string, position: number): number {
  return source.slice(0, Math.max(0, position - 1)).split('\n').length;
}
