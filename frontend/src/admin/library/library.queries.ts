import {
  type LibraryCollection,
  LibraryDeletedSchema,
  LibraryItemSchema,
  LibraryPageSchema,
  LocationPageSchema,
} from '@spark/contracts/admin';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { siteKey } from '../api/queries.js';

const qs = (params: Record<string, string | number | undefined | null>) =>
  new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) =>
      value === undefined || value === null || value === '' ? [] : [[key, String(value)]],
    ),
  ).toString();

export interface LibraryFilter {
  q: string;
  page: number;
  fragment_type?: string;
  avatar_id?: string;
}

export const PAGE_SIZE = 20;

/** Every library key sits under the site's, so switching sites (or any write) refetches from the server. */
export const libraryKey = (siteId: string, collection: LibraryCollection) =>
  [...siteKey(siteId), 'library', collection] as const;

export const libraryQuery = (siteId: string, collection: LibraryCollection, filter: LibraryFilter) =>
  queryOptions({
    queryKey: [...libraryKey(siteId, collection), filter],
    queryFn: ({ signal }) =>
      api(
        `/api/admin/library/${collection}?${qs({ site_id: siteId, limit: PAGE_SIZE, ...filter })}`,
        LibraryPageSchema,
        { signal },
      ),
    placeholderData: (previous) => previous,
  });

export function saveLibraryRow(
  siteId: string,
  collection: LibraryCollection,
  id: string | null,
  payload: Record<string, unknown>,
) {
  const path = `/api/admin/library/${collection}${id ? `/${id}` : ''}?${qs({ site_id: siteId })}`;
  return api(path, LibraryItemSchema, { method: id ? 'PATCH' : 'POST', json: payload });
}

export function deleteLibraryRow(siteId: string, collection: LibraryCollection, id: string) {
  return api(`/api/admin/library/${collection}/${id}?${qs({ site_id: siteId })}`, LibraryDeletedSchema, {
    method: 'DELETE',
  });
}

export interface LocationFilter {
  state_id?: string;
  county_id?: string;
  q?: string;
  page: number;
}

export const LOCATION_PAGE_SIZE = 50;

export const locationsQuery = (siteId: string, filter: LocationFilter) =>
  queryOptions({
    queryKey: [...siteKey(siteId), 'locations', filter],
    queryFn: ({ signal }) =>
      api(
        `/api/admin/locations?${qs({ site_id: siteId, limit: LOCATION_PAGE_SIZE, ...filter })}`,
        LocationPageSchema,
        { signal },
      ),
    placeholderData: (previous) => previous,
    staleTime: 10 * 60_000,
  });
