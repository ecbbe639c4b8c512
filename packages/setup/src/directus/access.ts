import { createHash } from 'node:crypto';
import { SITE_EDITOR_ROLE_PREFIX } from '@spark/contracts';
import { withTransaction } from '@spark/db';
import type { Pool, PoolClient } from 'pg';
import { introspectSchema, type SchemaInfo } from './introspect.js';
import { studioEditorPermissions } from './studio/permissions.js';

/**
 * Directus access model (Directus 11: permissions live on policies; roles and the public bundle carry policies):
 * - `Published content` — read-only, published/active rows of the website collections, embargoed rows
 *   (`published_at` in the future) excluded; attached to the `SSR reader` role only, whose user's static token
 *   the frontend uses. Anonymous callers get no Directus reads at all: browsers never talk to Directus, and
 *   every public read is one more query shape a stranger could probe.
 * - `Site editor · <domain>` — one policy per site; full CRUD on that site's rows of every tenant-owned
 *   collection, read of the shared library (site_id null) and of global reference data; read-only where the
 *   rows are written by the system (job progress, analytics rollups, the work log, whose shared rows are
 *   never visible); attached to the role of the same name. Minting a site-scoped token = creating a user in
 *   that role with a static token.
 * Ids are derived from names so re-running is an idempotent upsert.
 */
export const PUBLISHED_CONTENT_POLICY = 'Published content';
/**
 * The Directus folder whose files visitors may fetch (the frontend's `/assets/<id>` proxies them with the SSR
 * reader's token). Files elsewhere stay private: uploading to this folder is what publishes a file.
 */
export const PUBLIC_FILES_FOLDER = 'Public';
const hex = createHash('md5').update(`spark:folder:${PUBLIC_FILES_FOLDER}`).digest('hex');
export const PUBLIC_FILES_FOLDER_ID = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
export const SSR_READER_ROLE = 'SSR reader';
export const siteEditorName = (domain: string) => `${SITE_EDITOR_ROLE_PREFIX}${domain}`;

type Action = 'create' | 'read' | 'update' | 'delete';
interface PermissionRow {
  collection: string;
  action: Action;
  permissions: Record<string, unknown> | null;
  validation: Record<string, unknown> | null;
  presets: Record<string, unknown> | null;
  fields: string[];
}

/** Columns anonymous readers must never see even on published rows. */
const PRIVATE_COLUMN = /(secret|webhook|token|password|public_key|settings)/;

/** Published and not embargoed: `published_at` is set whenever the status is `published` (check constraint). */
const live = { _and: [{ status: { _eq: 'published' } }, { published_at: { _lte: '$NOW' } }] };

const PUBLISHED_COLLECTIONS: Record<string, Record<string, unknown> | null> = {
  sites: { status: { _eq: 'active' } },
  globals: null,
  navigation: null,
  pages: { status: { _eq: 'published' } },
  posts: live,
  authors: null,
  forms: null,
  generated_articles: live,
  hub_pages: { status: { _eq: 'published' } },
};

/**
 * Rows the system writes (job progress, rollups, the audit trail): editors may read their own site's rows and
 * nothing else. The work log's rows without a site (god-mode audit, deleted sites) are never tenant-visible.
 */
const SYSTEM_WRITTEN = new Set([
  'generation_jobs',
  'analytics_daily_rollups',
  'analytics_hourly_rollups',
  'work_log',
]);

function columnsOf(schema: SchemaInfo, table: string): string[] {
  return schema.columns.filter((column) => column.table === table).map((column) => column.name);
}

export function publishedContentPermissions(schema: SchemaInfo): PermissionRow[] {
  const publicFiles: PermissionRow = {
    collection: 'directus_files',
    action: 'read',
    permissions: { folder: { _eq: PUBLIC_FILES_FOLDER_ID } },
    validation: null,
    presets: null,
    // What a page may show about an image; who uploaded or changed it stays private.
    fields: ['id', 'title', 'description', 'type', 'filesize', 'width', 'height', 'folder', 'modified_on'],
  };
  return [publicFiles, ...publishedContentRows(schema)];
}

function publishedContentRows(schema: SchemaInfo): PermissionRow[] {
  return Object.entries(PUBLISHED_COLLECTIONS)
    .filter(([table]) => schema.tables.includes(table))
    .map(([collection, filter]) => ({
      collection,
      action: 'read',
      permissions: filter,
      validation: null,
      presets: null,
      fields: columnsOf(schema, collection).filter((name) => !PRIVATE_COLUMN.test(name)),
    }));
}

export function siteEditorPermissions(schema: SchemaInfo, siteId: string): PermissionRow[] {
  const own = { site_id: { _eq: siteId } };
  const rows: PermissionRow[] = [];
  const permission = (
    collection: string,
    action: Action,
    filter: Record<string, unknown> | null,
    presets = false,
  ) =>
    rows.push({
      collection,
      action,
      permissions: action === 'create' ? null : filter,
      validation: action === 'create' || action === 'update' ? own : null,
      presets: presets ? { site_id: siteId } : null,
      fields: ['*'],
    });
  for (const table of schema.tables) {
    const siteColumn = schema.columns.find((column) => column.table === table && column.name === 'site_id');
    if (table === 'sites') {
      permission(table, 'read', { id: { _eq: siteId } });
    } else if (!siteColumn) {
      permission(table, 'read', null); // global reference data (geography)
    } else if (SYSTEM_WRITTEN.has(table)) {
      permission(table, 'read', own);
    } else {
      const readable = siteColumn.nullable ? { _or: [own, { site_id: { _null: true } }] } : own;
      permission(table, 'read', readable);
      for (const action of ['create', 'update', 'delete'] as const)
        permission(table, action, own, action === 'create');
    }
  }
  // The Data Studio's dashboard and manual flows (see `studio/`).
  for (const studio of studioEditorPermissions()) rows.push({ ...studio, validation: null, presets: null });
  return rows;
}

/** Policies and roles get ids derived from their names (md5 as a uuid), so a re-run updates instead of duplicating. */
async function upsertPolicy(
  client: PoolClient,
  name: string,
  options: { icon: string; description: string; appAccess: boolean },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `insert into directus_policies (id, name, icon, description, admin_access, app_access, enforce_tfa)
     values (md5('spark:policy:' || $1)::uuid, $1, $2, $3, false, $4, false)
     on conflict (id) do update set name = excluded.name, icon = excluded.icon, description = excluded.description,
       app_access = excluded.app_access
     returning id`,
    [name, options.icon, options.description, options.appAccess],
  );
  return rows[0]?.id ?? '';
}

async function upsertRole(
  client: PoolClient,
  name: string,
  icon: string,
  description: string,
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `insert into directus_roles (id, name, icon, description) values (md5('spark:role:' || $1)::uuid, $1, $2, $3)
     on conflict (id) do update set name = excluded.name, icon = excluded.icon, description = excluded.description
     returning id`,
    [name, icon, description],
  );
  return rows[0]?.id ?? '';
}

/** Links a policy to a role. */
async function ensureAccess(client: PoolClient, roleId: string, policyId: string): Promise<void> {
  await client.query(
    `insert into directus_access (id, role, "user", policy)
     select gen_random_uuid(), $1, null, $2
     where not exists (select 1 from directus_access where role = $1 and "user" is null and policy = $2)`,
    [roleId, policyId],
  );
}

/** Detaches a policy from the public (anonymous) access, as earlier versions of this setup attached it. */
async function removePublicAccess(client: PoolClient, policyId: string): Promise<void> {
  await client.query('delete from directus_access where role is null and "user" is null and policy = $1', [
    policyId,
  ]);
}

async function replacePermissions(
  client: PoolClient,
  policyId: string,
  rows: PermissionRow[],
): Promise<void> {
  await client.query('delete from directus_permissions where policy = $1', [policyId]);
  for (const row of rows) {
    await client.query(
      `insert into directus_permissions (collection, action, permissions, validation, presets, fields, policy)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        row.collection,
        row.action,
        row.permissions && JSON.stringify(row.permissions),
        row.validation && JSON.stringify(row.validation),
        row.presets && JSON.stringify(row.presets),
        row.fields.join(','),
        policyId,
      ],
    );
  }
}

export interface AccessModel {
  ssrReaderRoleId: string;
  siteEditorRoleIds: Map<string, string>;
}

/** Writes the policies, roles and permissions above for every site; run before Directus (re)loads its schema. */
export async function provisionAccessModel(pool: Pool): Promise<AccessModel> {
  const schema = await introspectSchema(pool);
  const sites = (
    await pool.query<{ id: string; domain: string }>('select id, domain from sites order by domain')
  ).rows;
  return withTransaction(pool, async (client) => {
    const published = await upsertPolicy(client, PUBLISHED_CONTENT_POLICY, {
      icon: 'public',
      description: 'Read published pages, posts and articles and active sites (the SSR reader).',
      appAccess: false,
    });
    await client.query(
      'insert into directus_folders (id, name, parent) values ($1, $2, null) on conflict (id) do nothing',
      [PUBLIC_FILES_FOLDER_ID, PUBLIC_FILES_FOLDER],
    );
    await replacePermissions(client, published, publishedContentPermissions(schema));
    await removePublicAccess(client, published);
    const ssrReaderRoleId = await upsertRole(
      client,
      SSR_READER_ROLE,
      'visibility',
      'The frontend’s server-side reader.',
    );
    await ensureAccess(client, ssrReaderRoleId, published);

    const siteEditorRoleIds = new Map<string, string>();
    for (const site of sites) {
      const name = siteEditorName(site.domain);
      const policy = await upsertPolicy(client, name, {
        icon: 'edit',
        description: `Create, read, update and delete ${site.domain}'s rows only.`,
        appAccess: true,
      });
      await replacePermissions(client, policy, siteEditorPermissions(schema, site.id));
      const role = await upsertRole(client, name, 'badge', `Editors of ${site.domain}.`);
      await ensureAccess(client, role, policy);
      siteEditorRoleIds.set(site.id, role);
    }
    return { ssrReaderRoleId, siteEditorRoleIds };
  });
}
