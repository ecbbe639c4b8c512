import { siteContentKey } from '@spark/contracts';
import { cache as redis } from '../connections.js';
import { ignoreFailure, logIgnoredFailure } from '../observability/ignored-failure.js';
import { currentSiteVersions, onSiteVersionDropped } from './site-version.js';

/**
 * Content reads go through two layers keyed by the site's content versions (both counters, so a change to
 * any article reaches every read at once; these reads are cheap to redo, unlike rendered pages):
 * a short in-process memo (hot pages never leave the process) and Redis (shared by every frontend instance,
 * TTL 5 min). A version bump makes old keys unreachable, so nothing is ever deleted by pattern; the TTL only
 * reclaims memory. Results of "not found" are cached too, so a 404 does not query Directus on every hit.
 */
const REDIS_TTL_S = 300;
const MEMO_TTL_MS = 5_000;
const MEMO_MAX_ENTRIES = 5_000;

interface Memo {
  siteId: string;
  value: unknown;
  expiresAt: number;
}

const memo = new Map<string, Memo>();
/** Concurrent misses of one key share one load instead of stampeding Directus. */
const inFlight = new Map<string, Promise<unknown>>();
let listening = false;

function listenOnce(): void {
  if (listening) return;
  listening = true;
  onSiteVersionDropped(({ siteId }) => {
    if (siteId === null) memo.clear();
    else for (const [key, entry] of memo) if (entry.siteId === siteId) memo.delete(key);
  });
}

/** Wraps the value so a cached `null` (not found) is told apart from a missing key. */
interface Stored<T> {
  v: T;
}

async function readShared<T>(key: string): Promise<Stored<T> | undefined> {
  try {
    const raw = await redis().get(key);
    // Written only by storeShared below, from values already validated at the Directus boundary.
    return raw === null ? undefined : (JSON.parse(raw) as Stored<T>);
  } catch (error) {
    logIgnoredFailure('content cache read', error);
    return undefined;
  }
}

function storeShared<T>(key: string, value: T): void {
  redis()
    .set(key, JSON.stringify({ v: value } satisfies Stored<T>), 'EX', REDIS_TTL_S)
    .catch(ignoreFailure('content cache write'));
}

/**
 * `resource` names what is read (e.g. `page:/about`); callers build it only from validated slugs and
 * permalinks, so a key can never be steered by arbitrary request input. `load` receives the version the
 * entry is keyed by, to pass on to Directus (see ItemsQuery.version).
 */
export async function cachedRead<T>(
  siteId: string,
  resource: string,
  load: (version: string | null) => Promise<T>,
): Promise<T> {
  listenOnce();
  const versions = await currentSiteVersions(siteId);
  if (versions === null) return load(null);
  const version = versions.content;
  const key = siteContentKey(siteId, version, resource);
  const now = Date.now();
  const local = memo.get(key);
  if (local && local.expiresAt > now) return local.value as T;
  const running = inFlight.get(key);
  if (running) return running as Promise<T>;
  const request = readThrough(siteId, key, () => load(version)).finally(() => inFlight.delete(key));
  inFlight.set(key, request);
  return request;
}

async function readThrough<T>(siteId: string, key: string, load: () => Promise<T>): Promise<T> {
  const shared = await readShared<T>(key);
  const value = shared ? shared.v : await load();
  if (!shared) storeShared(key, value);
  if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
  memo.set(key, { siteId, value, expiresAt: Date.now() + MEMO_TTL_MS });
  return value;
}
