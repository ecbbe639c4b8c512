import type { Pool } from 'pg';
import type { DirectusClient } from './client.js';

export interface UserSpec {
  email: string;
  password: string;
  roleId: string;
  /** The static token (`Authorization: Bearer`); stored by Directus, never logged by us. */
  token: string;
  firstName?: string;
}

/** Creates or updates a Directus user (Directus hashes the password, so this goes through its REST API). */
export async function ensureUser(directus: DirectusClient, spec: UserSpec): Promise<string> {
  const query = `/users?filter[email][_eq]=${encodeURIComponent(spec.email)}&fields=id&limit=1`;
  const existing = await directus.request<{ id: string }[]>('GET', query);
  const body = {
    email: spec.email,
    password: spec.password,
    role: spec.roleId,
    token: spec.token,
    status: 'active',
    first_name: spec.firstName ?? null,
  };
  const found = existing[0];
  if (found) {
    await directus.request('PATCH', `/users/${found.id}`, body);
    return found.id;
  }
  const created = await directus.request<{ id: string }>('POST', '/users', body);
  return created.id;
}

/**
 * Keeps the bootstrap admin's static token equal to DIRECTUS_ADMIN_TOKEN: `directus bootstrap` sets it only when
 * it creates the admin, so a rotated token in .env would otherwise never take effect.
 */
export async function syncAdminToken(pool: Pool, adminEmail: string, token: string): Promise<void> {
  const result = await pool.query('update directus_users set token = $1 where lower(email) = lower($2)', [
    token,
    adminEmail,
  ]);
  if (result.rowCount !== 1)
    throw new Error(`The Directus admin ${adminEmail} does not exist; did bootstrap run?`);
}

/** Records that a Directus user works on a site (read by the frontend's auth module). */
export async function ensureSiteMember(
  pool: Pool,
  siteId: string,
  userId: string,
  role: 'owner' | 'editor' | 'viewer',
) {
  await pool.query(
    `insert into site_members (site_id, user_id, role) values ($1, $2, $3)
     on conflict (site_id, user_id) do update set role = excluded.role`,
    [siteId, userId, role],
  );
}

/** Columns holding Directus user ids, constrained once `directus_users` exists (after `directus bootstrap`). */
const USER_FOREIGN_KEYS = [{ table: 'site_members', column: 'user_id', onDelete: 'cascade' }] as const;

export async function linkDirectusUsers(pool: Pool): Promise<void> {
  for (const { table, column, onDelete } of USER_FOREIGN_KEYS) {
    const name = `${table}_${column}_directus_users_fkey`;
    await pool.query(
      `do $$ begin
         if not exists (select 1 from pg_constraint where conname = '${name}') then
           alter table ${table} add constraint ${name} foreign key (${column})
             references directus_users (id) on delete ${onDelete};
         end if;
       end $$`,
    );
  }
}

/**
 * Keeps the bootstrap admin's password equal to ADMIN_PASSWORD (bootstrap sets it only once), so the login the
 * credentials file shows always works. Directus hashes it, hence the REST call.
 */
export async function syncAdminPassword(
  pool: Pool,
  directus: DirectusClient,
  adminEmail: string,
  password: string,
) {
  const { rows } = await pool.query<{ id: string }>(
    'select id from directus_users where lower(email) = lower($1)',
    [adminEmail],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error(`The Directus admin ${adminEmail} does not exist; did bootstrap run?`);
  await directus.request('PATCH', `/users/${id}`, { password });
}
