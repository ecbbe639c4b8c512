import { createHmac } from 'node:crypto';
import type { Pool } from 'pg';
import { type AccessModel, SSR_READER_ROLE } from './directus/access.js';
import type { DirectusClient } from './directus/client.js';
import { ensureSiteMember, ensureUser } from './directus/users.js';

export interface Credential {
  label: string;
  email: string;
  password: string;
  token: string;
  siteDomain?: string;
}

/**
 * Static tokens of the demo editors are derived from SECRET (HMAC), so they stay stable across restarts
 * without being stored anywhere but Directus and the git-ignored credentials file.
 */
export function deriveToken(secret: string, purpose: string): string {
  return createHmac('sha256', secret).update(`spark-token:${purpose}`).digest('base64url');
}

/** The frontend's least-privilege reader: its static token is DIRECTUS_READ_TOKEN. */
export async function ensureSsrReader(
  directus: DirectusClient,
  access: AccessModel,
  options: { readToken: string; secret: string },
): Promise<void> {
  await ensureUser(directus, {
    email: 'ssr-reader@example.com',
    password: deriveToken(options.secret, 'ssr-reader-password'),
    roleId: access.ssrReaderRoleId,
    token: options.readToken,
    firstName: SSR_READER_ROLE,
  });
}

/**
 * One demo editor per site, in that site's editor role. E-mails use example.com because Directus validates
 * addresses and `.localhost` is not a public suffix.
 */
export async function ensureDemoEditors(
  pool: Pool,
  directus: DirectusClient,
  access: AccessModel,
  options: { secret: string; editorPassword: string },
): Promise<Credential[]> {
  const credentials: Credential[] = [];
  const sites = (
    await pool.query<{ id: string; domain: string }>('select id, domain from sites order by domain')
  ).rows;
  for (const site of sites) {
    const roleId = access.siteEditorRoleIds.get(site.id);
    if (!roleId) continue;
    const label = site.domain.split('.')[0] ?? site.domain;
    const email = `editor+${label}@example.com`;
    const token = deriveToken(options.secret, `editor:${site.domain}`);
    const userId = await ensureUser(directus, {
      email,
      password: options.editorPassword,
      roleId,
      token,
      firstName: label,
    });
    await ensureSiteMember(pool, site.id, userId, 'editor');
    credentials.push({
      label: `Editor of ${site.domain}`,
      email,
      password: options.editorPassword,
      token,
      siteDomain: site.domain,
    });
  }
  return credentials;
}
