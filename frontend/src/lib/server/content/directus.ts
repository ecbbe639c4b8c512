import { AppError } from '@spark/contracts';
import { z } from 'zod';
import { serverEnv } from '../env.js';
import { requestIdHeader } from '../observability/request-context.js';

/**
 * Reads from the Directus REST API as the least-privilege SSR reader (published rows only). Every answer is
 * parsed against the row schema the caller names; a failure or an unexpected shape is an error with context,
 * never a half-rendered page.
 */

export interface ItemsQuery {
  fields: readonly string[];
  filter?: Record<string, unknown>;
  sort?: readonly string[];
  limit?: number;
  offset?: number;
  /** Ask Directus for `meta.filter_count` (the number of rows the filter matches, ignoring limit). */
  withCount?: boolean;
  /**
   * The site's content version. Directus caches GET answers itself and purges them only for writes made
   * through Directus; the worker publishes with SQL and bumps the version instead. Carrying the version as an
   * unused field alias makes it part of Directus's cache key, so a read never gets an answer from before
   * the change it was asked after.
   */
  version?: string | null;
}

export interface ItemsResult<Row> {
  rows: Row[];
  total: number | undefined;
}

const REQUEST_TIMEOUT_MS = 5_000;

const envelopeSchema = z.object({
  data: z.array(z.unknown()),
  meta: z.object({ filter_count: z.coerce.number().int() }).partial().optional(),
});

export function itemsUrl(baseUrl: string, collection: string, query: ItemsQuery): string {
  const params = new URLSearchParams();
  params.set('fields', query.fields.join(','));
  if (query.filter) params.set('filter', JSON.stringify(query.filter));
  if (query.sort) params.set('sort', query.sort.join(','));
  params.set('limit', String(query.limit ?? 100));
  if (query.offset) params.set('offset', String(query.offset));
  if (query.withCount) params.set('meta', 'filter_count');
  if (query.version) params.set('alias', JSON.stringify({ [`v${query.version}`]: 'id' }));
  return `${baseUrl.replace(/\/$/, '')}/items/${collection}?${params.toString()}`;
}

export async function readItems<Row>(
  collection: string,
  query: ItemsQuery,
  rowSchema: z.ZodType<Row, z.ZodTypeDef, unknown>,
): Promise<ItemsResult<Row>> {
  const env = serverEnv();
  const url = itemsUrl(env.DIRECTUS_INTERNAL_URL, collection, query);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        authorization: `Bearer ${env.DIRECTUS_READ_TOKEN}`,
        accept: 'application/json',
        ...requestIdHeader(),
      },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new AppError('SERVICE_UNAVAILABLE', `Content service unreachable while reading ${collection}`, {
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  if (!response.ok) {
    // The body may echo the query; keep only the status so nothing sensitive reaches a log aggregator.
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      `Content service answered ${response.status} for ${collection}`,
    );
  }
  const envelope = envelopeSchema.safeParse(await response.json());
  if (!envelope.success) throw unexpectedShape(collection, envelope.error);
  const rows: Row[] = [];
  for (const raw of envelope.data.data) {
    const row = rowSchema.safeParse(raw);
    if (!row.success) throw unexpectedShape(collection, row.error);
    rows.push(row.data);
  }
  return { rows, total: envelope.data.meta?.filter_count };
}

function unexpectedShape(collection: string, error: z.ZodError): Error {
  const first = error.issues[0];
  const where = first ? `${first.path.join('.')}: ${first.message}` : 'unknown';
  return new Error(`Directus returned an unexpected ${collection} row (${where})`);
}
