import { AppError } from '@spark/contracts';
import { z } from 'zod';
import { IMAGE_FORMATS, IMAGE_WIDTHS } from '../../../../build/image-ladder.mjs';
import { serverEnv } from '../env.js';
import { errorResponse } from '../http.js';

/**
 * `GET /assets/<file id>`: files uploaded in Directus, served to visitors through the frontend, because Directus
 * itself is not reachable from the internet (loopback or the internal network only).
 *
 * Which files are public is decided by Directus, not here: the SSR reader's `Published content` policy may read
 * only the files in the `Public` folder (provisioned by setup), so any other id — private, unknown or deleted —
 * is answered 404 alike. Content refers to a file as `/assets/<id>` (optionally with transform parameters) on any
 * tenant host.
 */

/** Image ladder widths arrive as text; `z.enum` needs string literals. */
const LADDER_WIDTHS = IMAGE_WIDTHS.map(String) as [string, ...string[]];

/**
 * Only the ladder the page markup offers (build/image-ladder.mjs): a width step, optionally with a format. A
 * format alone (the full-size original re-encoded) is not offered. Every accepted URL is one a page links to,
 * so Directus renders (and caches) at most widths × formats variants of a file.
 */
const TRANSFORMS = z
  .object({
    width: z.enum(LADDER_WIDTHS, {
      errorMap: () => ({ message: `width is one of ${IMAGE_WIDTHS.join(', ')}` }),
    }),
    format: z.enum(IMAGE_FORMATS),
  })
  .partial()
  .strict()
  .refine((transforms) => transforms.format === undefined || transforms.width !== undefined, {
    message: 'format needs a width',
  })
  .transform(({ width, format }) => ({
    ...(width === undefined ? {} : { width: Number(width) }),
    ...(format === undefined ? {} : { format }),
  }));

export type AssetTransforms = z.output<typeof TRANSFORMS>;

export interface AssetRequest {
  id: string;
  transforms: AssetTransforms;
}

/**
 * The file id and the transforms Directus should apply. Only these parameters pass: anything else (a
 * `key` preset, `transforms` JSON, `download`) is refused, so a visitor cannot make Directus do work we never
 * offered, and every cacheable URL has one canonical meaning.
 */
export function parseAssetRequest(id: string | undefined, search: URLSearchParams): AssetRequest {
  if (!id || !z.string().uuid().safeParse(id).success) {
    throw new AppError('BAD_REQUEST', 'An asset id is a UUID, e.g. /assets/3f0c…-…');
  }
  const query: Record<string, string> = {};
  for (const [name, value] of search) {
    if (name in query) throw new AppError('BAD_REQUEST', `Asset parameter ${name} is given twice`);
    query[name] = value;
  }
  const transforms = TRANSFORMS.safeParse(query);
  if (!transforms.success) {
    const problems = transforms.error.issues
      .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
      .join('; ');
    throw new AppError('BAD_REQUEST', `Invalid asset parameters — ${problems}`);
  }
  return { id: id.toLowerCase(), transforms: transforms.data };
}

/** A file id is never reused for other content; a day of caching keeps Directus out of most image requests. */
export const ASSET_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';
const PASSED_HEADERS = ['content-type', 'content-length', 'etag', 'last-modified'];
const REQUEST_TIMEOUT_MS = 15_000;

export function assetUrl(baseUrl: string, request: AssetRequest): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(request.transforms)) params.set(name, String(value));
  // A variant is at most this wide: a small original is sent at its own size, never enlarged.
  if (request.transforms.width !== undefined) params.set('withoutEnlargement', 'true');
  const query = params.size > 0 ? `?${params.toString()}` : '';
  return `${baseUrl.replace(/\/$/, '')}/assets/${request.id}${query}`;
}

/** Streams the file from Directus (read token), or answers in the error envelope: 400, 404 or 503. */
export async function serveAsset(id: string | undefined, url: URL, method: string): Promise<Response> {
  try {
    const request = parseAssetRequest(id, url.searchParams);
    const env = serverEnv();
    let upstream: Response;
    try {
      upstream = await fetch(assetUrl(env.DIRECTUS_INTERNAL_URL, request), {
        method: method === 'HEAD' ? 'HEAD' : 'GET',
        headers: { authorization: `Bearer ${env.DIRECTUS_READ_TOKEN}` },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new AppError('SERVICE_UNAVAILABLE', 'The file service is unreachable; retry shortly', {
        cause: error instanceof Error ? error.message : String(error),
      });
    }
    // Directus answers 403 for a file the reader may not see and 404 for none at all: both are "no such file".
    if (upstream.status === 403 || upstream.status === 404) {
      await upstream.body?.cancel();
      throw new AppError('NOT_FOUND', 'No public file has this id');
    }
    if (!upstream.ok) {
      await upstream.body?.cancel();
      throw new AppError('SERVICE_UNAVAILABLE', `The file service answered ${upstream.status}`);
    }
    const headers = new Headers({
      'cache-control': ASSET_CACHE_CONTROL,
      'x-content-type-options': 'nosniff',
    });
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) headers.set(name, value);
    }
    return new Response(method === 'HEAD' ? null : upstream.body, { status: 200, headers });
  } catch (error) {
    return errorResponse(error);
  }
}
