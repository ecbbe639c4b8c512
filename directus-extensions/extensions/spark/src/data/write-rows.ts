import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { FieldSpec } from './field-values.js';
import { translateWriteError } from './pg-errors.js';

export interface WritePlan {
  collection: string;
  primary: string;
  fields: Record<string, FieldSpec>;
  rows: Record<string, unknown>[];
  mode: 'insert' | 'upsert';
  key: string[];
}

export interface WriteResult {
  inserted: number;
  updated: number;
  statements: number;
}

const MAX_ROWS_PER_STATEMENT = 500;
/** Postgres allows 65,535 bind parameters per statement; stay well below it for wide rows. */
const MAX_PARAMETERS = 30_000;

interface Chunk {
  columns: string[];
  rows: Record<string, unknown>[];
  first: number;
  last: number;
}

/**
 * Groups rows by the set of columns they carry, then cuts each group into statements. Mixing shapes in one
 * multi-row INSERT would fill absent columns with DEFAULT, and an upsert's `do update` would then overwrite
 * stored values the caller never sent.
 */
export function planChunks(rows: Record<string, unknown>[]): Chunk[] {
  const groups = new Map<string, { columns: string[]; rows: Record<string, unknown>[]; indexes: number[] }>();
  rows.forEach((row, index) => {
    const columns = Object.keys(row).sort();
    const signature = columns.join('\u0000');
    const group = groups.get(signature) ?? { columns, rows: [], indexes: [] };
    group.rows.push(row);
    group.indexes.push(index);
    groups.set(signature, group);
  });
  const chunks: Chunk[] = [];
  for (const group of groups.values()) {
    const size = Math.max(
      1,
      Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / group.columns.length)),
    );
    for (let start = 0; start < group.rows.length; start += size) {
      const indexes = group.indexes.slice(start, start + size);
      chunks.push({
        columns: group.columns,
        rows: group.rows.slice(start, start + size),
        first: indexes[0] ?? 0,
        last: indexes.at(-1) ?? 0,
      });
    }
  }
  return chunks;
}

/** Converts API values to what the pg driver must receive (JSON as text, GeoJSON through PostGIS). */
function toColumnValues(database: Knex, plan: WritePlan, row: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  const primary = plan.fields[plan.primary];
  if (row[plan.primary] === undefined && primary?.special.includes('uuid') && primary.defaultValue == null) {
    out[plan.primary] = randomUUID(); // Directus mints these ids in its payload service, which we bypass
  }
  for (const [name, value] of Object.entries(row)) {
    const type = plan.fields[name]?.type ?? 'unknown';
    if (value === null || value === undefined) out[name] = value ?? null;
    else if (type === 'json') out[name] = JSON.stringify(value);
    else if (type.startsWith('geometry'))
      out[name] = database.raw('ST_GeomFromGeoJSON(?)', [JSON.stringify(value)]);
    else out[name] = value;
  }
  return out;
}

/**
 * Writes every row in one transaction — all or nothing — with multi-row statements. Upserts learn per row
 * whether Postgres inserted or updated it from `xmax` (0 for a freshly inserted tuple).
 */
export async function writeRows(database: Knex, plan: WritePlan): Promise<WriteResult> {
  const chunks = planChunks(plan.rows);
  return database.transaction(async (trx) => {
    let inserted = 0;
    let updated = 0;
    for (const chunk of chunks) {
      const values = chunk.rows.map((row) => toColumnValues(trx, plan, row));
      try {
        if (plan.mode === 'insert') {
          await trx(plan.collection).insert(values);
          inserted += values.length;
          continue;
        }
        const updatable = Object.keys(values[0] ?? {}).filter((column) => !plan.key.includes(column));
        const returned: { inserted: boolean }[] = await trx(plan.collection)
          .insert(values)
          .onConflict(plan.key)
          .merge(updatable.length > 0 ? updatable : plan.key)
          .returning(trx.raw('(xmax = 0) as inserted') as unknown as string);
        for (const row of returned) row.inserted ? inserted++ : updated++;
      } catch (error) {
        throw translateWriteError(error, { first: chunk.first, last: chunk.last });
      }
    }
    return { inserted, updated, statements: chunks.length };
  });
}
