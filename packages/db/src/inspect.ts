import type { Pool } from 'pg';

/**
 * Global reference data shared by every tenant: the only public tables besides `sites` that
 * have no site_id. Adding a table here needs a reason in database/README.md.
 */
export const GLOBAL_REFERENCE_TABLES: readonly string[] = ['geo_states', 'geo_counties', 'geo_cities'];

/**
 * Tables whose site_id deliberately has no foreign key: history that must stay attributed to a site after
 * the site is deleted (a cascade would erase it, `set null` would make it platform-wide).
 */
export const SITE_HISTORY_TABLES: readonly string[] = ['work_log'];

/** PostGIS's own table, created by the extension in `public`. */
export const EXTENSION_TABLES: readonly string[] = ['spatial_ref_sys'];

/** Tables and partitioned parents in `public`, without partitions. */
export async function listPublicTables(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
     order by 1`,
  );
  return rows.map((r) => r.name);
}

/**
 * Tables that must have a site_id foreign key to sites: every public table except sites, the
 * extension's and global reference tables, and Directus's own directus_* tables (Directus shares
 * the database after bootstrap).
 */
export async function listTenantTables(pool: Pool): Promise<string[]> {
  const exempt = new Set(['sites', ...EXTENSION_TABLES, ...GLOBAL_REFERENCE_TABLES]);
  return (await listPublicTables(pool)).filter((name) => !exempt.has(name) && !name.startsWith('directus_'));
}

/** Tables whose site_id column is missing or is not a foreign key to sites(id). */
export async function findTablesWithoutSiteForeignKey(
  pool: Pool,
  tables: readonly string[],
): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relname = any($1)
       and exists (
         select 1 from pg_constraint k
         join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
         where k.conrelid = c.oid and k.contype = 'f' and k.confrelid = 'public.sites'::regclass
           and cardinality(k.conkey) = 1 and a.attname = 'site_id'
       )`,
    [tables],
  );
  const ok = new Set([...rows.map((r) => r.name), ...SITE_HISTORY_TABLES]);
  return tables.filter((name) => !ok.has(name));
}

/** "table.column" for every single-column foreign key in public that does not lead an index. */
export async function findUnindexedForeignKeys(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ fk: string }>(
    `select c.relname || '.' || a.attname as fk
     from pg_constraint k
     join pg_class c on c.oid = k.conrelid
     join pg_namespace n on n.oid = c.relnamespace
     join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
     where n.nspname = 'public' and k.contype = 'f' and not c.relispartition
       and not exists (select 1 from pg_index i where i.indrelid = k.conrelid and i.indkey[0] = k.conkey[1])
     order by 1`,
  );
  return rows.map((r) => r.fk);
}

/**
 * Everything that makes up the schema's shape, one sorted line per object: tables, columns,
 * constraints, indexes, triggers and functions in public and analytics_partitions. Two equal
 * snapshots mean two databases (or one database at two times) have the same schema.
 */
export async function snapshotSchema(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ line: string }>(
    `with ns as (select oid from pg_namespace where nspname in ('public', 'analytics_partitions', 'render_store'))
     select 'table ' || c.oid::regclass || ' ' || c.relkind::text as line
       from pg_class c where c.relnamespace in (select oid from ns) and c.relkind in ('r', 'p')
     union all
     select 'column ' || a.attrelid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
            || case when a.attnotnull then ' not null' else '' end
            || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid
       left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
       where c.relnamespace in (select oid from ns) and c.relkind in ('r', 'p') and a.attnum > 0
         and not a.attisdropped
     union all
     select 'constraint ' || k.conrelid::regclass || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)
       from pg_constraint k join pg_class c on c.oid = k.conrelid where c.relnamespace in (select oid from ns)
     union all
     select 'index ' || pg_get_indexdef(i.indexrelid)
       from pg_index i join pg_class c on c.oid = i.indrelid where c.relnamespace in (select oid from ns)
     union all
     select 'trigger ' || pg_get_triggerdef(t.oid)
       from pg_trigger t join pg_class c on c.oid = t.tgrelid
       where c.relnamespace in (select oid from ns) and not t.tgisinternal
     union all
     select 'function ' || p.oid::regprocedure || ' ' || md5(pg_get_functiondef(p.oid))
       from pg_proc p where p.pronamespace in (select oid from ns) and p.prokind = 'f'
         and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
     order by 1`,
  );
  return rows.map((r) => r.line);
}
