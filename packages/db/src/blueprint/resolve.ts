import type { PoolClient } from 'pg';

/**
 * A blueprint names what it references (avatars, templates, places); these lookups turn names
 * into ids. Library lookups prefer the site's own row and fall back to the shared library.
 */

export class BlueprintReferenceError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'BlueprintReferenceError';
  }
}

type LibraryTable = 'avatar_intelligence' | 'article_templates';

export async function findLibraryId(
  client: PoolClient,
  table: LibraryTable,
  siteId: string | null,
  name: string,
  path: string,
): Promise<string> {
  const found = await client.query<{ id: string }>(
    `select id from ${table}
     where name = $1 and (site_id = $2 or site_id is null)
     order by site_id nulls last limit 1`,
    [name, siteId],
  );
  const row = found.rows[0];
  const what = table === 'avatar_intelligence' ? 'avatar' : 'article template';
  if (!row)
    throw new BlueprintReferenceError(
      path,
      `no ${what} named "${name}" in this site's or the shared library`,
    );
  return row.id;
}

export async function findStateId(client: PoolClient, code: string, path: string): Promise<string> {
  const found = await client.query<{ id: string }>('select id from geo_states where code = $1', [code]);
  const row = found.rows[0];
  if (!row) throw new BlueprintReferenceError(path, `no geo state with code "${code}"`);
  return row.id;
}

export async function findPlaceId(
  client: PoolClient,
  table: 'geo_counties' | 'geo_cities',
  stateId: string,
  name: string,
  path: string,
): Promise<string> {
  const found = await client.query<{ id: string }>(
    `select id from ${table} where state_id = $1 and name = $2`,
    [stateId, name],
  );
  const row = found.rows[0];
  const what = table === 'geo_counties' ? 'county' : 'city';
  if (!row) throw new BlueprintReferenceError(path, `no ${what} named "${name}" in that state`);
  return row.id;
}
