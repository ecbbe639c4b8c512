import { chooseEncoding, type Encoding, matchesIfNoneMatch } from './negotiate.js';
import { type RenderedEntry, type Representation, representationOf } from './rendered-entry.js';

/**
 * The answer to one request from a rendered entry, as plain data: Astro's middleware turns it into a Response
 * (misses, and hits while the node:http entry cannot answer), the node:http entry writes it straight to the
 * socket (hits). One builder for both keeps their headers and bytes identical.
 */
export interface CachedAnswer {
  status: number;
  /** Shared between answers: never modify. */
  headers: [string, string][];
  /** The same, flat (name, value, name, value…), as node:http's writeHead takes it. */
  flatHeaders: string[];
  /** Null for HEAD and 304. */
  body: Uint8Array<ArrayBuffer> | null;
}

/** What of the request decides the answer: nothing else is read, so nothing else may vary it. */
export interface AnswerRequest {
  method: string;
  acceptEncoding: string | null;
  ifNoneMatch: string | null;
}

/** HIT: from memory; STORE: from the render store (rendered ahead, e.g. at publish); MISS: rendered now. */
export type CacheOutcome = 'HIT' | 'STORE' | 'MISS';

export function answerFor(
  entry: RenderedEntry,
  request: AnswerRequest,
  cache: CacheOutcome,
): CachedAnswer | Promise<CachedAnswer> {
  // Redirects and errors pass through unchanged apart from their buffered body.
  if (entry.status !== 200 && entry.status !== 404 && entry.status !== 410) {
    const headers: [string, string][] = [...entry.headers, ['x-cache', cache]];
    return {
      status: entry.status,
      headers,
      flatHeaders: headers.flat(),
      body: request.method === 'HEAD' ? null : new Uint8Array(entry.body),
    };
  }
  const encoding = entry.compressible ? encodingFor(request.acceptEncoding) : 'identity';
  const representation = representationOf(entry, encoding);
  return representation instanceof Promise
    ? representation.then((ready) => answerWith(entry, ready, request, cache))
    : answerWith(entry, representation, request, cache);
}

/**
 * Clients send a handful of distinct Accept-Encoding values, so parsing each once is enough; bounded, because
 * anyone can send any value.
 */
const encodings = new Map<string | null, Encoding>();
function encodingFor(acceptEncoding: string | null): Encoding {
  const known = encodings.get(acceptEncoding);
  if (known) return known;
  const chosen = chooseEncoding(acceptEncoding);
  if (encodings.size >= 256) encodings.clear();
  encodings.set(acceptEncoding, chosen);
  return chosen;
}

/** Header lists of one representation, built once per outcome: a hit then costs no copying. */
interface Prepared {
  headers: [string, string][];
  /** The same as a flat name/value list, as node:http's writeHead takes it. */
  flatHeaders: string[];
}
const prepared = new WeakMap<Representation, Record<string, Prepared>>();

function prepare(
  representation: Representation,
  kind: 'full' | 'not-modified',
  cache: CacheOutcome,
): Prepared {
  let byKind = prepared.get(representation);
  if (!byKind) {
    byKind = {};
    prepared.set(representation, byKind);
  }
  const key = `${kind} ${cache}`;
  const known = byKind[key];
  if (known) return known;
  const base = kind === 'full' ? representation.headers : representation.notModifiedHeaders;
  const headers: [string, string][] = [...base, ['x-cache', cache]];
  const flatHeaders: string[] = [];
  for (const [name, value] of headers) flatHeaders.push(name, value);
  const ready = { headers, flatHeaders };
  byKind[key] = ready;
  return ready;
}

function answerWith(
  entry: RenderedEntry,
  representation: Representation,
  request: AnswerRequest,
  cache: CacheOutcome,
): CachedAnswer {
  if (entry.status === 200 && matchesIfNoneMatch(request.ifNoneMatch, representation.etag)) {
    return { status: 304, ...prepare(representation, 'not-modified', cache), body: null };
  }
  return {
    status: entry.status,
    ...prepare(representation, 'full', cache),
    body: request.method === 'HEAD' ? null : representation.body,
  };
}
