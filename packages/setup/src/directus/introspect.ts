import type { Pool } from 'pg';

export interface ColumnInfo {
  table: string;
  name: string;
  /** information_schema data_type: `uuid`, `text`, `jsonb`, `ARRAY`, `USER-DEFINED` (geometry), … */
  dataType: string;
  /** The element type of arrays (`_text`, `_uuid`) or the user-defined type (`geometry`). */
  udtName: string;
  nullable: boolean;
  hasDefault: boolean;
  position: number;
}

export interface ForeignKeyInfo {
  table: string;
  column: string;
  foreignTable: string;
}

export interface SchemaInfo {
  tables: string[];
  columns: ColumnInfo[];
  foreignKeys: ForeignKeyInfo[];
  /** `table.column` → the values its check constraint allows (`status in ('a', 'b')`). */
  enumerations: Map<string, string[]>;
}

/**
 * Tables of ours in `public` that Directus can serve: everything but PostGIS's and Directus's own, and plain
 * tables only. Directus 11 introspects `relkind = 'r'`, so the month-partitioned analytics tables (`'p'`) are
 * invisible to it; they are read through rollups and the analytics API instead.
 */
const OWN_TABLES_SQL = `
  select c.relname as table
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind = 'r' and not c.relispartition
    and c.relname not like 'directus\\_%' and c.relname <> 'spatial_ref_sys'
  order by c.relname`;

const COLUMNS_SQL = `
  select table_name as table, column_name as name, data_type as "dataType", udt_name as "udtName",
         is_nullable = 'YES' as nullable, column_default is not null as "hasDefault",
         ordinal_position as position
  from information_schema.columns
  where table_schema = 'public' and table_name = any($1)
  order by table_name, ordinal_position`;

const FOREIGN_KEYS_SQL = `
  select c.conrelid::regclass::text as table, a.attname as column, c.confrelid::regclass::text as "foreignTable"
  from pg_constraint c
  join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
  where c.contype = 'f' and c.connamespace = 'public'::regnamespace and array_length(c.conkey, 1) = 1
    and c.conrelid::regclass::text = any($1)`;

const CHECKS_SQL = `
  select c.conrelid::regclass::text as table, pg_get_constraintdef(c.oid) as definition
  from pg_constraint c
  where c.contype = 'c' and c.connamespace = 'public'::regnamespace and c.conrelid::regclass::text = any($1)`;

/** Reads `col = ANY (ARRAY['a'::text, 'b'::text])`, the form PostgreSQL stores `col in ('a', 'b')` in. */
export function parseEnumerationCheck(definition: string): { column: string; values: string[] } | undefined {
  const match = /^CHECK \(\(?\(?(\w+) = ANY \(\(?ARRAY\[(.+?)\]\)?(?:::text\[\])?\)\)?\)?\)$/.exec(
    definition.trim(),
  );
  if (!match?.[1] || !match[2]) return undefined;
  const values = [...match[2].matchAll(/'((?:[^']|'')*)'::(?:text|character varying)/g)].map((m) =>
    (m[1] ?? '').replaceAll("''", "'"),
  );
  return values.length > 0 ? { column: match[1], values } : undefined;
}

export async function introspectSchema(pool: Pool): Promise<SchemaInfo> {
  const tables = (await pool.query<{ table: string }>(OWN_TABLES_SQL)).rows.map((row) => row.table);
  const [columns, foreignKeys, checks] = await Promise.all([
    pool.query<ColumnInfo>(COLUMNS_SQL, [tables]),
    pool.query<ForeignKeyInfo>(FOREIGN_KEYS_SQL, [tables]),
    pool.query<{ table: string; definition: string }>(CHECKS_SQL, [tables]),
  ]);
  const enumerations = new Map<string, string[]>();
  for (const check of checks.rows) {
    const parsed = parseEnumerationCheck(check.definition);
    if (parsed) enumerations.set(`${check.table}.${parsed.column}`, parsed.values);
  }
  return { tables, columns: columns.rows, foreignKeys: foreignKeys.rows, enumerations };
}
