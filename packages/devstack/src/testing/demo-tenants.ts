import type { Pool } from '@spark/db';

/** Ids of a demo tenant's library, read from SQL: what integration tests of every app build campaigns from. */
export interface TenantLibrary {
  siteId: string;
  avatarIds: string[];
  templateId: string;
}

/** A demo tenant's site, its first two avatars and its richest template. */
export async function tenantLibrary(pool: Pool, domain: string): Promise<TenantLibrary> {
  const { rows } = await pool.query<{ site_id: string; avatar_ids: string[]; template_id: string }>(
    `select s.id as site_id,
            array(select id from avatar_intelligence where site_id = s.id order by name limit 2) as avatar_ids,
            (select id from article_templates where site_id = s.id order by jsonb_array_length(fragment_types) desc,
                    name limit 1) as template_id
     from sites s where s.domain = $1`,
    [domain],
  );
  const row = rows[0];
  if (!row) throw new Error(`no demo site ${domain}`);
  return { siteId: row.site_id, avatarIds: row.avatar_ids, templateId: row.template_id };
}
