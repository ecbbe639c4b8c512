import { AppError } from '@spark/contracts';
import type { Pool } from '@spark/db';
import type { Principal } from './principal.js';

/**
 * The principal of an authenticated Directus user, by one rule for every door (the frontend's token check and
 * the Directus bundle's `accountability`): admin = any Directus policy with admin access, reached through the
 * user's role or directly; otherwise the sites their `site_members` rows name. An unknown or inactive user is
 * UNAUTHENTICATED — a session outliving its user must not keep acting.
 */
export async function loadPrincipal(db: Pool, userId: string): Promise<Principal> {
  const { rows } = await db.query<{ email: string | null; is_admin: boolean; site_ids: string[] }>(
    `select
       u.email,
       exists (
         select 1 from directus_access a join directus_policies p on p.id = a.policy
         where p.admin_access and (a."user" = u.id or a.role = u.role)
       ) as is_admin,
       coalesce((select array_agg(m.site_id::text order by m.site_id) from site_members m where m.user_id = u.id), '{}') as site_ids
     from directus_users u where u.id = $1 and u.status = 'active'`,
    [userId],
  );
  const row = rows[0];
  if (!row) throw new AppError('UNAUTHENTICATED', 'The token’s user is not active');
  return { userId, email: row.email, isAdmin: row.is_admin, siteIds: row.site_ids };
}
