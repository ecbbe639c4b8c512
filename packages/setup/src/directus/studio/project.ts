import type { PoolClient } from 'pg';

/** The brand marketers see in the Data Studio's sign-in page, title bar and module bar. */
export const PROJECT = {
  name: 'Spark',
  descriptor: 'Programmatic SEO studio',
  color: '#4F46E5',
  note: 'Sign in with your Spark editor account. You see and change only your own site.',
} as const;

/**
 * The module bar, Insights first. Directus sends a user to the page they last visited after sign-in and to
 * Content otherwise; the bundle's `studio-landing` hook points site editors' last page at the dashboard, and
 * putting Insights first makes the dashboard the first thing in the bar as well.
 */
export const MODULE_BAR = [
  { type: 'module', id: 'insights', enabled: true },
  { type: 'module', id: 'content', enabled: true },
  { type: 'module', id: 'files', enabled: true },
  { type: 'module', id: 'users', enabled: true },
  { type: 'module', id: 'visual', enabled: false },
  { type: 'module', id: 'deployments', enabled: false },
  { type: 'module', id: 'settings', enabled: true, locked: true },
];

export async function provisionProjectSettings(client: PoolClient): Promise<void> {
  await client.query(
    `insert into directus_settings (project_name) select $1 where not exists (select 1 from directus_settings)`,
    [PROJECT.name],
  );
  await client.query(
    `update directus_settings set project_name = $1, project_descriptor = $2, project_color = $3, public_note = $4,
       project_logo = null, module_bar = $5`,
    [PROJECT.name, PROJECT.descriptor, PROJECT.color, PROJECT.note, JSON.stringify(MODULE_BAR)],
  );
}
