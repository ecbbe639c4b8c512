import { chooseEncoding, matchesIfNoneMatch } from './negotiate.js';
import { type RenderedEntry, type Representation, representationOf } from './rendered-entry.js';

/**
 * The answer to one request from a rendered entry, as plain data: Astro's middleware turns it into a Response
 * (misses, and hits while the node:http entry cannot answer), the node:http entry writes it straight to the
 * socket (hits). One builder for both keeps their headers and bytes identical.
 */
export interface CachedAnswer {
  status: number;
  headers: [string, string][];
  /** Null for HEAD and 304. */
  body: Uint8Array<ArrayBuffer> | null;
}

/** What of the request decides the answer: nothing else is read, so nothing else may vary it. */
export interface AnswerRequest {
  method: string;
  acceptEncoding: string | null;
  ifNoneMatch: string | null;
}

export type CacheOutcome = 'HIT' | 'MISS';

export function answerFor(
  entry: RenderedEntry,
  request: AnswerRequest,
  cache: CacheOutcome,
): CachedAnswer | Promise<CachedAnswer> {
  // Redirects and errors pass through unchanged apart from their buffered body.
  if (entry.status !== 200 && entry.status !== 404 && entry.status !== 410) {
    return {
      status: entry.status,
      headers: [...entry.headers, ['x-cache', cache]],
      body: request.method === 'HEAD' ? null : new Uint8Array(entry.body),
    };
  }
  const encoding = entry.compressible ? chooseEncoding(request.acceptEncoding) : 'identity';
  const representation = representationOf(entry, encoding);
  return representation instanceof Promise
    ? representation.then((ready) => answerWith(entry, ready, request, cache))
    : answerWith(entry, representation, request, cache);
}

function answerWith(
  entry: RenderedEntry,
  representation: Representation,
  request: AnswerRequest,
  cache: CacheOutcome,
): CachedAnswer {
  if (entry.status === 200 && matchesIfNoneMatch(request.ifNoneMatch, representation.etag)) {
    return { status: 304, headers: [...representation.notModifiedHeaders, ['x-cache', cache]], body: null };
  }
  return {
    status: entry.status,
    headers: [...representation.headers, ['x-cache', cache]],
    body: request.method === 'HEAD' ? null : representation.body,
  };
}
