import { type InvalidationMessage, siteArticlesVersionKey, siteVersionKey } from '@spark/contracts';
import { cache as redis } from '../connections.js';
import { logIgnoredFailure } from '../observability/ignored-failure.js';
import { onInvalidation } from '../tenancy/invalidation.js';

/**
 * A site's content versions: the counters writers INCR through `invalidateSiteContent`. `site` moves on any
 * change to what the site renders, `articles` when only some generated articles changed. Every cached read
 * is keyed by both (`content`); rendered pages by `site`, and pages that list articles also check `articles`
 * (see serve.ts), so an article change reaches lists at once while other article pages stay cached.
 *
 * Held in-process for a few seconds so a page view costs no Redis round trip; the writer's PUBLISH drops the
 * held value immediately, and the TTL bounds staleness if a message is ever missed.
 */
const HOLD_MS = 5_000;

export interface SiteVersions {
  site: string;
  articles: string;
  /** Both counters in one key part, for reads that depend on any content. */
  content: string;
}

interface Held {
  versions: SiteVersions;
  expiresAt: number;
}

/**
 * One set of held versions per process: the node:http entry answers cached pages with the same versions
 * Astro's middleware stores them under (each bundle has its own copy of this module; the state lives under a
 * global symbol both see, and one invalidation listener keeps it).
 */
interface VersionState {
  held: Map<string, Held>;
  pending: Map<string, Promise<SiteVersions | null>>;
  subscribed: boolean;
  /** Bumped on every invalidation, so a read that raced with one is not held as if it were current. */
  epoch: number;
  /** Per-site count of invalidations seen, so a render that raced with one is not stored (see serve.ts). */
  siteEpochs: Map<string, number>;
  /** Listeners other in-process caches use to drop what an invalidation makes stale. */
  dropListeners: Set<(message: InvalidationMessage) => void>;
}

const KEY = Symbol.for('spark.site-versions');
type Holder = { [KEY]?: VersionState };
const holder = globalThis as Holder;
holder[KEY] ??= {
  held: new Map(),
  pending: new Map(),
  subscribed: false,
  epoch: 0,
  siteEpochs: new Map(),
  dropListeners: new Set(),
};
const state: VersionState = holder[KEY];
const { held, pending, siteEpochs, dropListeners } = state;

export function onSiteVersionDropped(listener: (message: InvalidationMessage) => void): void {
  subscribeOnce();
  dropListeners.add(listener);
}

/** Changes whenever an invalidation for the site (or for every site) arrives. */
export function invalidationsSeen(siteId: string): string {
  return `${state.epoch}:${siteEpochs.get(siteId) ?? 0}`;
}

function subscribeOnce(): void {
  if (state.subscribed) return;
  state.subscribed = true;
  onInvalidation((message) => {
    state.epoch += 1;
    if (message.siteId === null) {
      held.clear();
      pending.clear();
    } else {
      held.delete(message.siteId);
      pending.delete(message.siteId);
      siteEpochs.set(message.siteId, (siteEpochs.get(message.siteId) ?? 0) + 1);
    }
    for (const listener of dropListeners) listener(message);
  });
}

async function readVersions(siteId: string): Promise<SiteVersions | null> {
  try {
    const [site, articles] = await redis().mget(siteVersionKey(siteId), siteArticlesVersionKey(siteId));
    const versions = { site: site ?? '0', articles: articles ?? '0' };
    // An underscore keeps it a plain identifier: Directus reads it as a field alias name (see ItemsQuery.version).
    return { ...versions, content: `${versions.site}_${versions.articles}` };
  } catch (error) {
    // Redis down: callers skip every cache rather than serve something they cannot invalidate.
    logIgnoredFailure('site content version read', error);
    return null;
  }
}

/** The versions held in process, if still fresh: lets a cache hit skip even a resolved promise. */
export function heldSiteVersions(siteId: string): SiteVersions | undefined {
  const hit = held.get(siteId);
  return hit && hit.expiresAt > Date.now() ? hit.versions : undefined;
}

/** The current versions, or null when Redis cannot be asked (then nothing may be cached). */
export async function currentSiteVersions(siteId: string): Promise<SiteVersions | null> {
  subscribeOnce();
  const now = Date.now();
  const hit = held.get(siteId);
  if (hit && hit.expiresAt > now) return hit.versions;
  const inFlight = pending.get(siteId);
  if (inFlight) return inFlight;
  const startedAt = state.epoch;
  const request = readVersions(siteId).then((versions) => {
    if (pending.get(siteId) === request) pending.delete(siteId);
    if (versions !== null && startedAt === state.epoch)
      held.set(siteId, { versions, expiresAt: Date.now() + HOLD_MS });
    return versions;
  });
  pending.set(siteId, request);
  return request;
}
