import { AppError } from '@spark/contracts';
import type { PoolClient } from 'pg';
import type { Outcome, ReportTally } from './report.js';
import { ident, isKeyPart, type KeyPart, Params, type SqlValue } from './sql.js';

export interface UpsertSpec {
  table: string;
  key: Record<string, SqlValue | KeyPart>;
  values: Record<string, SqlValue>;
  /**
   * Look the row up before writing instead of relying on `on conflict`. Needed where a BEFORE
   * INSERT trigger rejects the would-be duplicate before Postgres gets to the conflict (sites:
   * the host-uniqueness trigger sees the existing domain as a clash).
   */
  lookupFirst?: boolean;
}

export interface UpsertResult {
  id: string;
  outcome: Outcome;
}

const folded = (fold: KeyPart['fold'], sql: string) => (fold ? `${fold}(${sql})` : sql);

/**
 * Inserts or updates one row by its natural key and says which happened. The update only runs
 * when a value actually differs (`is distinct from`, compared by Postgres in the column's own
 * type, so jsonb, arrays, timestamps and geometries compare by value), which is what makes a
 * repeated import report "unchanged" and leaves `date_updated` alone.
 */
export async function upsertRow(
  client: PoolClient,
  spec: UpsertSpec,
  tally: ReportTally,
): Promise<UpsertResult> {
  const table = ident(spec.table);
  const params = new Params();
  const keys = Object.entries(spec.key).map(([col, v]) => ({
    col: ident(col),
    ...(isKeyPart(v) ? v : { value: v }),
  }));
  const vals = Object.entries(spec.values).map(([col, value]) => ({ col: ident(col), value }));
  // A value may restate a key column (e.g. a category keyed case-insensitively whose spelling is
  // updated), so each column is inserted once, with the value taking precedence.
  const columns = [...keys.filter((k) => !(k.col in spec.values)), ...vals];
  if (spec.lookupFirst) return updateOrInsert(client, table, keys, vals, columns, tally);
  const placeholders = columns.map((c) => params.add(c.value));
  const target = keys.map((k) => folded(k.fold, k.col)).join(', ');
  // A natural key without site_id (avatar_variants: avatar, name) can match a row of another site or of
  // the shared library; `site_id = excluded.site_id` would then move that row into this site. Such a
  // row is never updated here, and the lookup below refuses the import.
  const ownerGuard =
    'site_id' in spec.values ? ` and ${table}.site_id is not distinct from excluded.site_id` : '';
  const action =
    vals.length === 0
      ? 'do nothing'
      : `do update set ${vals.map((v) => `${v.col} = excluded.${v.col}`).join(', ')}
         where (${vals.map((v) => `${table}.${v.col} is distinct from excluded.${v.col}`).join(' or ')})${ownerGuard}`;
  const written = await client.query<{ id: string; inserted: boolean }>(
    `insert into ${table} (${columns.map((c) => c.col).join(', ')}) values (${placeholders.join(', ')})
     on conflict (${target}) ${action}
     returning id, (xmax = 0) as inserted`,
    params.list,
  );
  const row = written.rows[0];
  const result: UpsertResult = row
    ? { id: row.id, outcome: row.inserted ? 'created' : 'updated' }
    : { id: await findOwnId(client, table, keys, spec.values), outcome: 'unchanged' };
  tally.count(table, result.outcome);
  return result;
}

type Key = { col: string; value: SqlValue; fold?: KeyPart['fold'] };
type Column = { col: string; value: SqlValue };

async function lookupId(client: PoolClient, table: string, keys: Key[]): Promise<string | undefined> {
  const params = new Params();
  const where = keys.map(
    (k) => `${folded(k.fold, k.col)} is not distinct from ${folded(k.fold, params.add(k.value))}`,
  );
  const found = await client.query<{ id: string }>(
    `select id from ${table} where ${where.join(' and ')} for update`,
    params.list,
  );
  return found.rows[0]?.id;
}

/**
 * The conflicting row was left as it was, so `returning` gave nothing: look its id up by key, and refuse
 * (rolling the whole import back) when it is not the importing site's row.
 */
async function findOwnId(
  client: PoolClient,
  table: string,
  keys: Key[],
  values: Record<string, SqlValue>,
): Promise<string> {
  const id = await lookupId(client, table, keys);
  if (!id) throw new Error(`upsert into ${table} neither wrote nor found a row`);
  if ('site_id' in values) {
    const owner = await client.query<{ site_id: string | null }>(
      `select site_id from ${table} where id = $1`,
      [id],
    );
    if (owner.rows[0]?.site_id !== values.site_id) {
      throw new AppError(
        'CONFLICT',
        `Blueprint conflicts with existing data: a ${table} row with the same ${keys.map((k) => k.col).join(', ')} is not this site's`,
        { table },
      );
    }
  }
  return id;
}

async function updateOrInsert(
  client: PoolClient,
  table: string,
  keys: Key[],
  vals: Column[],
  columns: Column[],
  tally: ReportTally,
): Promise<UpsertResult> {
  const id = await lookupId(client, table, keys);
  const params = new Params();
  let result: UpsertResult;
  if (id === undefined) {
    const placeholders = columns.map((c) => params.add(c.value));
    const inserted = await client.query<{ id: string }>(
      `insert into ${table} (${columns.map((c) => c.col).join(', ')}) values (${placeholders.join(', ')}) returning id`,
      params.list,
    );
    const row = inserted.rows[0];
    if (!row) throw new Error(`insert into ${table} returned no row`);
    result = { id: row.id, outcome: 'created' };
  } else if (vals.length === 0) {
    result = { id, outcome: 'unchanged' };
  } else {
    const assignments = vals.map((v) => ({ col: v.col, sql: params.add(v.value) }));
    const updated = await client.query(
      `update ${table} set ${assignments.map((a) => `${a.col} = ${a.sql}`).join(', ')}
       where id = ${params.add(id)} and (${assignments.map((a) => `${a.col} is distinct from ${a.sql}`).join(' or ')})`,
      params.list,
    );
    result = { id, outcome: updated.rowCount === 1 ? 'updated' : 'unchanged' };
  }
  tally.count(table, result.outcome);
  return result;
}
