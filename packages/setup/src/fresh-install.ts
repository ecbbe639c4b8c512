import { withTransaction } from '@spark/db';
import type { Pool } from 'pg';

export type FreshInstallDecision = { kind: 'keep' } | { kind: 'wipe' } | { kind: 'refuse'; message: string };

/**
 * `FORCE_FRESH_INSTALL=true` destroys every table, so it needs a second, deliberate signal: the name of the
 * database being wiped in `FORCE_FRESH_INSTALL_CONFIRM`. A flag copied between environments cannot wipe the
 * wrong database by accident.
 */
export function decideFreshInstall(
  env: Record<string, string | undefined>,
  databaseName: string,
): FreshInstallDecision {
  if ((env.FORCE_FRESH_INSTALL ?? '').toLowerCase() !== 'true') return { kind: 'keep' };
  const confirmation = env.FORCE_FRESH_INSTALL_CONFIRM ?? '';
  if (confirmation !== databaseName) {
    return {
      kind: 'refuse',
      message:
        `FORCE_FRESH_INSTALL=true would destroy every table in database "${databaseName}". ` +
        `To confirm, also set FORCE_FRESH_INSTALL_CONFIRM=${databaseName}` +
        (confirmation ? ` (it is "${confirmation}", which names another database).` : '.'),
    };
  }
  return { kind: 'wipe' };
}

export interface WipeReport {
  tables: { name: string; rows: number }[];
}

/**
 * Drops every table in `public` (ours and Directus's) except PostGIS's, reporting what was destroyed. The
 * extensions stay: recreating PostGIS would need a superuser the application role is not.
 */
export async function wipeDatabase(pool: Pool): Promise<WipeReport> {
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ name: string; rows: string }>(
      `select c.relname as name, greatest(c.reltuples, 0)::bigint as rows
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
         and c.relname <> 'spatial_ref_sys'
       order by c.relname`,
    );
    const tables = [];
    for (const row of rows) {
      const count = await client.query<{ count: string }>(`select count(*) from public.${quote(row.name)}`);
      tables.push({ name: row.name, rows: Number(count.rows[0]?.count ?? 0) });
    }
    if (tables.length > 0)
      await client.query(`drop table ${tables.map((t) => `public.${quote(t.name)}`).join(', ')} cascade`);
    await client.query('drop schema if exists analytics_partitions cascade');
    return { tables };
  });
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
