import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { type Encoding, etagFor, isCompressible } from './negotiate.js';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** One encoding of an entry, ready to send: body bytes and the complete header list, built once. */
export interface Representation {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  headers: [string, string][];
  /** For a 304: the same validators and caching headers, without the body's own. */
  notModifiedHeaders: [string, string][];
}

/**
 * A fully rendered response held in memory: the body once, its hash, and each encoding prepared on first
 * demand (compression runs in the libuv pool, off the event loop) and reused by every later request.
 */
export interface RenderedEntry {
  status: number;
  headers: Headers;
  body: Buffer;
  hash: string;
  compressible: boolean;
  representations: Partial<Record<Encoding, Representation | Promise<Representation>>>;
  /** Approximate memory held, for the cache's byte budget. */
  bytes: number;
  /** The route pattern that rendered it (`/[slug]`), so a hit answered outside Astro is labelled the same. */
  route?: string;
}

/** Set per representation by this module, never copied from the rendered response. */
const REPRESENTATION_HEADERS = ['content-length', 'content-encoding', 'etag', 'vary', 'transfer-encoding'];

export async function toRenderedEntry(response: Response): Promise<RenderedEntry> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  for (const name of REPRESENTATION_HEADERS) headers.delete(name);
  return renderedEntryOf(response.status, headers, body);
}

/**
 * An entry for a finished body (rendered here, or read back from the render store with the hash it was
 * stored with): whether it is worth compressing and what it costs the memory cache.
 */
export function renderedEntryOf(
  status: number,
  headers: Headers,
  body: Buffer,
  hash = createHash('sha1').update(body).digest('base64url').slice(0, 22),
): RenderedEntry {
  return {
    status,
    headers,
    body,
    hash,
    compressible: isCompressible(headers.get('content-type'), body.length),
    representations: {},
    bytes: body.length * 1.4 + 1024,
  };
}

function compress(body: Buffer, encoding: Exclude<Encoding, 'identity'>): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(body, { level: 6 });
  return brotli(body, {
    params: {
      // Quality 5 compresses HTML within a few percent of 11 at a fraction of the CPU.
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

function build(entry: RenderedEntry, encoding: Encoding, encoded: Buffer): Representation {
  const etag = etagFor(entry.hash, encoding);
  const common: [string, string][] = [...entry.headers, ['etag', etag]];
  if (entry.compressible) common.push(['vary', 'Accept-Encoding']);
  const headers: [string, string][] = [...common, ['content-length', String(encoded.length)]];
  if (encoding !== 'identity') headers.push(['content-encoding', encoding]);
  // A view over the same memory: Buffer.from and zlib never hand out a SharedArrayBuffer.
  const body = new Uint8Array(encoded.buffer as ArrayBuffer, encoded.byteOffset, encoded.byteLength);
  return { body, etag, headers, notModifiedHeaders: common.filter(([name]) => name !== 'content-type') };
}

/** The entry in `encoding`, synchronously once prepared (the hot path of a cache hit allocates little). */
export function representationOf(
  entry: RenderedEntry,
  encoding: Encoding,
): Representation | Promise<Representation> {
  const known = entry.representations[encoding];
  if (known) return known;
  if (encoding === 'identity') {
    const ready = build(entry, encoding, entry.body);
    entry.representations.identity = ready;
    return ready;
  }
  const pending = compress(entry.body, encoding).then((encoded) => {
    const ready = build(entry, encoding, encoded);
    entry.representations[encoding] = ready;
    return ready;
  });
  entry.representations[encoding] = pending;
  return pending;
}
