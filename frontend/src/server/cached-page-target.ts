import { hostHeaderOrigin } from '../lib/server/seo/origin.js';
import { normalizeHost } from '../lib/server/tenancy/host.js';

/** What the node:http entry reads of a request to decide whether the page cache may answer it. */
export interface PageRequestFacts {
  method: string | undefined;
  /** The request target as sent (`/guide?x=1`). */
  url: string | undefined;
  host: string | undefined;
  /** The first X-Forwarded-Proto value, present only from a trusted proxy (screenForwarding drops the rest). */
  forwardedProto: string | undefined;
  /** Whether the socket is TLS. */
  encrypted: boolean;
}

/** A request the page cache may answer: the tenant's host and the cache key the middleware stores pages under. */
export interface CachedPageTarget {
  host: string;
  url: string;
  /** The path of `url`. */
  path: string;
}

/** Paths the middleware passes by or turns away (API, build assets, uploads, the admin UI), with a margin. */
const NOT_PAGES = /^\/(?:api|_astro|assets|admin)/;
/**
 * A path WHATWG URL parsing leaves unchanged, so the key built here equals the one Astro's `url.pathname`
 * gives: unreserved characters and percent escapes only, no empty, `.` or `..` segments (escaped dots
 * included: URL parsing resolves `%2e` as a dot).
 */
const PLAIN_PATH = /^(?:\/(?:[A-Za-z0-9\-_~]|%[0-9A-Fa-f]{2}|\.)+)*\/?$/;
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?=\/|$)/i;

/**
 * Whether the node:http entry may look the request up in the page cache, and under which key. Only plain
 * anonymous page reads qualify: GET/HEAD, a well-formed tenant Host (never the platform host), a plain path.
 * Anything else is left to Astro, whose middleware answers it exactly as before; a request answered here gets
 * the answer the middleware would give, because it reaches the same entry under the same key.
 */
export function cachedPageTarget(
  facts: PageRequestFacts,
  /** Normalised (`normalizeHost`) once, not per request. */
  platformHost: string | undefined,
): CachedPageTarget | undefined {
  if (facts.method !== 'GET' && facts.method !== 'HEAD') return undefined;
  if (!facts.url || !facts.host) return undefined;
  const query = facts.url.indexOf('?');
  const path = query === -1 ? facts.url : facts.url.slice(0, query);
  if (!PLAIN_PATH.test(path) || DOT_SEGMENT.test(path) || NOT_PAGES.test(path)) return undefined;
  if (!validEscapes(facts.url)) return undefined;
  const host = normalizeHost(facts.host);
  if (!host || host === platformHost) return undefined;
  // Astro takes the scheme from X-Forwarded-Proto (kept only from a trusted proxy), else from the socket.
  const scheme = facts.forwardedProto ? facts.forwardedProto : facts.encrypted ? 'https' : 'http';
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const origin = hostHeaderOrigin(scheme, facts.host);
  return origin ? { host, url: origin + path, path } : undefined;
}

/** Astro's Node adapter answers 400 to a request target decodeURI rejects: left to it. */
function validEscapes(target: string): boolean {
  try {
    decodeURI(target);
    return true;
  } catch {
    return false;
  }
}
