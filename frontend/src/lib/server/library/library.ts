import { aggregate, createItem, deleteItem, readItems, updateItem } from '@directus/sdk';
import {
  AppError,
  LIBRARY_WRITE_SCHEMAS,
  type LibraryCollection,
  type LibraryListQuery,
  type LibraryPage,
  type LibraryRow,
  validationError,
} from '@spark/contracts';
import { expandSpintax, OFFER_SLOT, parseSpintax } from '@spark/core';
import { loadSpintaxDictionaries } from '@spark/db';
import { type Principal, resolveSiteScope } from '@spark/factory';
import { database } from '../connections.js';
import { type DirectusRow, directusAs, translateDirectusError } from './directus-client.js';

/** The caller as the library routes need them: their scope, and their own Directus token. */
export interface LibraryCaller {
  principal: Principal;
  directusToken: string;
}

/** What a row is called in messages, and how a page is ordered (the id keeps pages stable). */
const COLLECTION_INFO: Record<LibraryCollection, { noun: string; sort: string[] }> = {
  spintax_dictionaries: { noun: 'dictionary', sort: ['category', 'id'] },
  content_fragments: { noun: 'fragment', sort: ['fragment_type', 'id'] },
  avatar_intelligence: { noun: 'avatar', sort: ['name', 'id'] },
  avatar_variants: { noun: 'avatar variant', sort: ['name', 'id'] },
  article_templates: { noun: 'template', sort: ['name', 'id'] },
  offer_blocks: { noun: 'offer block', sort: ['name', 'id'] },
  link_targets: { noun: 'link target', sort: ['-priority', 'url', 'id'] },
};

/** The site's rows and the shared library's: Directus still applies the caller's policies on top. */
const inScope = (siteId: string) => ({ _or: [{ site_id: { _eq: siteId } }, { site_id: { _null: true } }] });

/**
 * A Directus filter. The SDK types queries from a per-collection schema; these routes serve seven collections
 * through one generic row type, so query objects are handed to it as `never` (Directus validates them itself).
 */
type Filter = Record<string, unknown>;

function listFilter(collection: LibraryCollection, siteId: string, query: LibraryListQuery): Filter {
  const clauses: Filter[] = [inScope(siteId)];
  if (query.fragment_type && collection === 'content_fragments')
    clauses.push({ fragment_type: { _eq: query.fragment_type } });
  if (query.avatar_id && ['content_fragments', 'avatar_variants', 'offer_blocks'].includes(collection))
    clauses.push({ avatar_id: { _eq: query.avatar_id } });
  return { _and: clauses };
}

async function directus<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw translateDirectusError(error, what);
  }
}

/**
 * One seeded spin of each fragment with the site's dictionaries (shared ones shadowed by the site's), so an
 * editor sees what a dictionary change does; variables a campaign fills (city, niche) stay as `{Name}`.
 */
async function withSamples(siteId: string, rows: DirectusRow[]): Promise<LibraryRow[]> {
  const dictionaries = await loadSpintaxDictionaries(database(), siteId);
  return rows.map((row) => {
    let sample: string | null = null;
    try {
      const template = parseSpintax(String(row.body ?? ''), { dictionaries });
      sample = expandSpintax(template, row.id, {}, { onMissingVariable: 'keep' });
    } catch {
      sample = null; // Unparseable bodies are left out of generation too; the page says so.
    }
    return { ...row, shared: row.site_id === null, sample };
  });
}

/**
 * Per template, in its slot order: how many rows the site (with the shared library) has to fill each slot —
 * content fragments of the slot's type, or offer blocks for the offer slot, which the assembler fills from them.
 */
async function withCoverage(siteId: string, rows: DirectusRow[]): Promise<LibraryRow[]> {
  const typesOf = (row: DirectusRow) =>
    Array.isArray(row.fragment_types)
      ? row.fragment_types.filter((type): type is string => typeof type === 'string')
      : [];
  const allTypes = [...new Set(rows.flatMap(typesOf))];
  const [fragments, offers] = await Promise.all([
    database().query<{ fragment_type: string; n: number }>(
      `select fragment_type, count(*)::int as n from content_fragments
       where (site_id = $1 or site_id is null) and fragment_type = any($2::text[]) group by fragment_type`,
      [siteId, allTypes],
    ),
    database().query<{ n: number }>(
      'select count(*)::int as n from offer_blocks where site_id = $1 or site_id is null',
      [siteId],
    ),
  ]);
  const byType = new Map(fragments.rows.map((count) => [count.fragment_type, count.n]));
  const offerBlocks = offers.rows[0]?.n ?? 0;
  return rows.map((row) => ({
    ...row,
    shared: row.site_id === null,
    coverage: typesOf(row).map((type) =>
      type === OFFER_SLOT
        ? { fragment_type: type, fragments: offerBlocks, filled_by: 'offer_blocks' as const }
        : { fragment_type: type, fragments: byType.get(type) ?? 0, filled_by: 'content_fragments' as const },
    ),
  }));
}

async function decorate(collection: LibraryCollection, siteId: string, rows: DirectusRow[]) {
  if (collection === 'content_fragments') return withSamples(siteId, rows);
  if (collection === 'article_templates') return withCoverage(siteId, rows);
  return rows.map((row) => ({ ...row, shared: row.site_id === null }));
}

export async function listLibrary(
  caller: LibraryCaller,
  collection: LibraryCollection,
  query: LibraryListQuery,
): Promise<LibraryPage> {
  const siteId = resolveSiteScope(caller.principal, query.site_id);
  const client = directusAs(caller.directusToken);
  const filter = listFilter(collection, siteId, query);
  const search = query.q ? { search: query.q } : {};
  const { noun, sort } = COLLECTION_INFO[collection];
  const [rows, counted] = await directus(noun, () =>
    Promise.all([
      client.request(
        readItems(collection, {
          fields: ['*'],
          filter,
          sort,
          limit: query.limit,
          page: query.page,
          ...search,
        } as never),
      ) as Promise<DirectusRow[]>,
      client.request(
        aggregate(collection, { aggregate: { count: '*' }, query: { filter, ...search } } as never),
      ) as Promise<{ count: number | string }[]>,
    ]),
  );
  return {
    data: await decorate(collection, siteId, rows),
    total: Number(counted[0]?.count ?? 0),
    page: query.page,
    limit: query.limit,
  };
}

function parseWrite(collection: LibraryCollection, body: unknown, partial: boolean): Record<string, unknown> {
  const schema = LIBRARY_WRITE_SCHEMAS[collection];
  const parsed = (partial ? schema.partial() : schema).safeParse(body);
  if (!parsed.success) throw validationError(parsed.error, 'Body');
  if (partial && Object.keys(parsed.data).length === 0)
    throw new AppError('VALIDATION_FAILED', 'Body is invalid — (root): name at least one field to change', {
      issues: [{ path: '(root)', message: 'name at least one field to change' }],
    });
  return parsed.data;
}

/** The row, if it is the site's or shared (and the caller's policies let them read it); else NOT_FOUND. */
async function rowInScope(
  caller: LibraryCaller,
  collection: LibraryCollection,
  siteId: string,
  id: string,
): Promise<DirectusRow> {
  const { noun } = COLLECTION_INFO[collection];
  const rows = (await directus(noun, () =>
    directusAs(caller.directusToken).request(
      readItems(collection, {
        fields: ['*'],
        filter: { _and: [{ id: { _eq: id } }, inScope(siteId)] },
        limit: 1,
      } as never),
    ),
  )) as DirectusRow[];
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', `No ${noun} ${id} is visible to you on this site`);
  return row;
}

export async function createLibraryRow(
  caller: LibraryCaller,
  collection: LibraryCollection,
  site: string | undefined,
  body: unknown,
): Promise<LibraryRow> {
  const siteId = resolveSiteScope(caller.principal, site);
  const data = parseWrite(collection, body, false);
  const { noun } = COLLECTION_INFO[collection];
  const created = (await directus(noun, () =>
    directusAs(caller.directusToken).request(
      createItem(collection, { ...data, site_id: siteId } as never, { fields: ['*'] } as never),
    ),
  )) as DirectusRow;
  const [row] = await decorate(collection, siteId, [created]);
  if (!row) throw new AppError('INTERNAL', `Directus returned no ${noun}`);
  return row;
}

export async function updateLibraryRow(
  caller: LibraryCaller,
  collection: LibraryCollection,
  id: string,
  site: string | undefined,
  body: unknown,
): Promise<LibraryRow> {
  const siteId = resolveSiteScope(caller.principal, site);
  const data = parseWrite(collection, body, true);
  const current = await rowInScope(caller, collection, siteId, id);
  const { noun } = COLLECTION_INFO[collection];
  // Directus, not this route, decides whether the caller may change the row: a shared row is refused there.
  const updated = (await directus(noun, () =>
    directusAs(caller.directusToken).request(
      updateItem(
        collection,
        id,
        { ...data, ...(current.site_id ? { site_id: siteId } : {}) } as never,
        {
          fields: ['*'],
        } as never,
      ),
    ),
  )) as DirectusRow;
  const [row] = await decorate(collection, siteId, [updated]);
  if (!row) throw new AppError('INTERNAL', `Directus returned no ${noun}`);
  return row;
}

export async function deleteLibraryRow(
  caller: LibraryCaller,
  collection: LibraryCollection,
  id: string,
  site: string | undefined,
): Promise<{ id: string; deleted: true }> {
  const siteId = resolveSiteScope(caller.principal, site);
  await rowInScope(caller, collection, siteId, id);
  const { noun } = COLLECTION_INFO[collection];
  await directus(noun, () => directusAs(caller.directusToken).request(deleteItem(collection, id)));
  return { id, deleted: true };
}
