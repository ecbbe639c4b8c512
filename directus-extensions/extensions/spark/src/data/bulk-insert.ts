import type { SchemaOverview } from '@directus/types';
import { AppError } from '@spark/contracts';
import type { Knex } from 'knex';
import { isSystemCollection } from '../schema/requests.js';
import type { BulkInsertRequest } from './bulk-request.js';
import { describeIssue, validateRows } from './validate-rows.js';
import { writeRows } from './write-rows.js';

export interface BulkInsertResult {
  collection: string;
  mode: 'insert' | 'upsert';
  inserted: number;
  updated: number;
  total: number;
  statements: number;
  durationMs: number;
}

/**
 * Validate everything first, then write everything in one transaction: a batch with one bad row writes nothing
 * and the answer names the row and the reason.
 */
export async function bulkInsert(
  database: Knex,
  schema: SchemaOverview,
  request: BulkInsertRequest,
): Promise<BulkInsertResult> {
  const started = performance.now();
  if (isSystemCollection(request.collection)) {
    throw new AppError(
      'FORBIDDEN',
      `Bulk writes to Directus system collections are refused (${request.collection})`,
    );
  }
  const overview = schema.collections[request.collection];
  if (!overview) throw new AppError('NOT_FOUND', `Collection "${request.collection}" does not exist`);
  const key = request.key === undefined ? [overview.primary] : [request.key].flat();
  const spec = { collection: overview.collection, primary: overview.primary, fields: overview.fields };
  const issues = validateRows(spec, request.items, { mode: request.mode, key });
  const first = issues[0];
  if (first) {
    throw new AppError('VALIDATION_FAILED', `Nothing was written: ${describeIssue(first)}`, { issues });
  }
  const result = await writeRows(database, {
    ...spec,
    rows: request.items as Record<string, unknown>[],
    mode: request.mode,
    key,
  });
  return {
    collection: request.collection,
    mode: request.mode,
    inserted: result.inserted,
    updated: result.updated,
    total: request.items.length,
    statements: result.statements,
    durationMs: Math.round(performance.now() - started),
  };
}
