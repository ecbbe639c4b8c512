import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import {
  chooseAvailableEncoding,
  type Encoding,
  etagFor,
  matchesIfNoneMatch,
} from '../lib/server/http-cache/negotiate.js';

/** A hashed name changes with its content, so a copy is valid forever. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** One file name directly under /_astro/; no slash and no leading dot, so nothing outside that folder. */
const HASHED_ASSET = /^\/_astro\/(\w[\w.-]*)$/;
const CONTENT_TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  woff2: 'font/woff2',
  woff: 'font/woff',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  ico: 'image/x-icon',
};
const SIBLING_SUFFIX = { br: '.br', gzip: '.gz' } as const;

interface Asset {
  contentType: string;
  hash: string;
  bodies: Partial<Record<Encoding, Buffer>>;
  /** The precompressed codings on hand, best first. */
  codings: ('br' | 'gzip')[];
}

/** The file name a request asks for, when it is a plain GET/HEAD of a hashed asset this module serves. */
export function hashedAssetName(req: IncomingMessage): string | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  // Ranges (rare for these small files) keep going to Astro's static handler, which implements them.
  if (req.headers.range) return undefined;
  const name = HASHED_ASSET.exec(req.url?.split('?', 1)[0] ?? '')?.[1];
  const extension = name?.split('.').pop()?.toLowerCase() ?? '';
  return name && CONTENT_TYPES[extension] ? name : undefined;
}

const readOptional = (file: string) => readFile(file).catch(() => undefined);

async function loadAsset(dir: string, name: string): Promise<Asset | undefined> {
  const identity = await readOptional(join(dir, name));
  if (!identity) return undefined;
  const bodies: Asset['bodies'] = { identity };
  const codings: Asset['codings'] = [];
  for (const coding of ['br', 'gzip'] as const) {
    const body = await readOptional(join(dir, name + SIBLING_SUFFIX[coding]));
    if (body) {
      bodies[coding] = body;
      codings.push(coding);
    }
  }
  const extension = name.split('.').pop()?.toLowerCase() ?? '';
  return {
    contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
    hash: createHash('sha256').update(identity).digest('base64url').slice(0, 22),
    bodies,
    codings,
  };
}

/**
 * Serves hashed build assets from `<clientDir>/_astro`, read once and kept in memory (the set is fixed by the
 * build): the `.br`/`.gz` sibling the build wrote when the client accepts it, immutable caching, a strong ETag
 * per representation. Resolves false when the file does not exist, so the caller's usual 404 path answers.
 */
export function hashedAssetServer(clientDir: string) {
  const dir = join(clientDir, '_astro');
  // Only found files are kept: unknown names must not grow the map.
  const assets = new Map<string, Asset>();
  return async function serveHashedAsset(
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
  ): Promise<boolean> {
    let asset = assets.get(name);
    if (!asset) {
      asset = await loadAsset(dir, name);
      if (!asset) return false;
      assets.set(name, asset);
    }
    const acceptEncoding = req.headers['accept-encoding'];
    const encoding = chooseAvailableEncoding(
      Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? null),
      asset.codings,
    );
    const body = asset.bodies[encoding] ?? asset.bodies.identity ?? Buffer.alloc(0);
    const etag = etagFor(asset.hash, encoding);
    res.setHeader('cache-control', IMMUTABLE_CACHE_CONTROL);
    res.setHeader('etag', etag);
    if (asset.codings.length > 0) res.setHeader('vary', 'Accept-Encoding');
    if (matchesIfNoneMatch(req.headers['if-none-match'] ?? null, etag)) {
      res.writeHead(304).end();
      return true;
    }
    res.setHeader('content-type', asset.contentType);
    res.setHeader('content-length', body.length);
    if (encoding !== 'identity') res.setHeader('content-encoding', encoding);
    res.writeHead(200);
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
