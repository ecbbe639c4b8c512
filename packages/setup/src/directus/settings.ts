import type { Pool } from 'pg';

/**
 * Turns off Directus's account suspension after N failed logins (`auth_login_attempts`, 25 by default): anyone
 * who knows an editor's e-mail could suspend the account by failing on purpose. Our bundle's login throttle
 * (per client address and per account, answering 429) limits guessing instead. Directus reads the setting at
 * each login, so no restart is needed.
 */
export async function disableLoginSuspension(pool: Pool): Promise<void> {
  await pool.query('update directus_settings set auth_login_attempts = null');
  await pool.query(
    `insert into directus_settings (auth_login_attempts)
     select null where not exists (select 1 from directus_settings)`,
  );
}
