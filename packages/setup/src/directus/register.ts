import { withTransaction } from '@spark/db';
import type { Pool } from 'pg';
import { introspectSchema } from './introspect.js';
import { buildDirectusMetadata, type DirectusMetadata } from './metadata.js';

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/**
 * Makes every table of ours a managed Directus collection. The metadata is derived from the schema on each run
 * and replaces what was there, so a fresh install and an old one end up identical (Data Studio edits to our
 * collections' presentation are not kept: change `catalog.ts` instead). Directus must have bootstrapped this
 * database; a running Directus must clear its schema cache afterwards.
 */
export async function registerDirectusMetadata(pool: Pool): Promise<DirectusMetadata> {
  const metadata = buildDirectusMetadata(await introspectSchema(pool));
  const names = metadata.collections.map((collection) => collection.collection);
  const folders = names.filter((name) => name.startsWith('folder_'));
  await withTransaction(pool, async (client) => {
    // Collections in our folders that we no longer register: metadata of a table that is gone (or that Directus
    // cannot serve) is deleted; a real table someone filed in our folder is only moved out, keeping its metadata.
    const stale = await client.query<{ collection: string; servable: boolean }>(
      `select c.collection, exists (
         select 1 from pg_class t where t.relname = c.collection and t.relkind = 'r'
           and t.relnamespace = 'public'::regnamespace) as servable
       from directus_collections c where c."group" = any($1) and not (c.collection = any($2))`,
      [folders, names],
    );
    const detach = stale.rows.filter((row) => row.servable).map((row) => row.collection);
    await client.query('update directus_collections set "group" = null where collection = any($1)', [detach]);
    const replaced = [...names, ...stale.rows.filter((row) => !row.servable).map((row) => row.collection)];
    // Preview links depend on the deployment (the sites' public origin), so the Studio provisioning owns them.
    const previews = new Map(
      (
        await client.query<{ collection: string; preview_url: string | null }>(
          'select collection, preview_url from directus_collections where collection = any($1)',
          [names],
        )
      ).rows.map((row) => [row.collection, row.preview_url]),
    );
    await client.query('delete from directus_relations where many_collection = any($1)', [replaced]);
    await client.query('delete from directus_fields where collection = any($1)', [replaced]);
    await client.query('delete from directus_collections where collection = any($1)', [replaced]);
    for (const c of metadata.collections) {
      await client.query(
        `insert into directus_collections (collection, icon, note, display_template, hidden, singleton, translations,
           archive_field, archive_app_filter, archive_value, unarchive_value, sort_field, accountability, sort,
           "group", collapse, preview_url)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [
          c.collection,
          c.icon,
          c.note,
          c.display_template,
          c.hidden,
          c.singleton,
          json(c.translations),
          c.archive_field,
          c.archive_app_filter,
          c.archive_value,
          c.unarchive_value,
          c.sort_field,
          c.accountability,
          c.sort,
          c.group,
          c.collapse,
          previews.get(c.collection) ?? null,
        ],
      );
    }
    for (const f of metadata.fields) {
      await client.query(
        `insert into directus_fields (collection, field, special, interface, options, display, display_options,
           readonly, hidden, sort, width, required, note, conditions, translations)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          f.collection,
          f.field,
          f.special,
          f.interface,
          json(f.options),
          f.display,
          json(f.display_options),
          f.readonly,
          f.hidden,
          f.sort,
          f.width,
          f.required,
          f.note,
          json(f.conditions),
          json(f.translations),
        ],
      );
    }
    for (const r of metadata.relations) {
      await client.query(
        `insert into directus_relations (many_collection, many_field, one_collection, one_field, one_deselect_action)
         values ($1, $2, $3, $4, $5)`,
        [r.many_collection, r.many_field, r.one_collection, r.one_field, r.one_deselect_action],
      );
    }
  });
  return metadata;
}
