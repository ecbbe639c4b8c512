import { siteVersionKey } from '@spark/contracts';
import { cache as redis } from '../connections.js';
import { logIgnoredFailure } from '../observability/ignored-failure.js';
import { onInvalidation } from '../tenancy/invalidation.js';

/**
 * A site's content version: the counter the Directus cache-bust hook INCRs on every change. Every cached read
 * (Redis entries, rendered pages) is keyed by it, so a bump makes all of them unreachable at once.
 *
 * Held in-process for a few seconds so a page view costs no Redis round trip; the hook's PUBLISH drops the
 * held value immediately, and the TTL bounds staleness if a message is ever missed.
 */
const HOLD_MS = 5_000;

interface Held {
  version: string;
  expiresAt: number;
}

const held = new Map<string, Held>();
const pending = new Map<string, Promise<string | null>>();
let subscribed = false;
/** Bumped on every invalidation, so a read that raced with one is not held as if it were current. */
let epoch = 0;

/** Listeners other in-process caches use to drop a site's entries when its version moves. */
const dropListeners = new Set<(siteId: string | null) => void>();

export function onSiteVersionDropped(listener: (siteId: string | null) => void): void {
  dropListeners.add(listener);
}

function subscribeOnce(): void {
  if (subscribed) return;
  subscribed = true;
  onInvalidation((message) => {
    epoch += 1;
    if (message.siteId === null) {
      held.clear();
      pending.clear();
    } else {
      held.delete(message.siteId);
      pending.delete(message.siteId);
    }
    for (const listener of dropListeners) listener(message.siteId);
  });
}

async function readVersion(siteId: string): Promise<string | null> {
  try {
    const value = await redis().get(siteVersionKey(siteId));
    return value ?? '0';
  } catch (error) {
    // Redis down: callers skip every cache rather than serve something they cannot invalidate.
    logIgnoredFailure('site content version read', error);
    return null;
  }
}

/** The version held in process, if still fresh: lets a cache hit skip even a resolved promise. */
export function heldSiteVersion(siteId: string): string | undefined {
  const hit = held.get(siteId);
  return hit && hit.expiresAt > Date.now() ? hit.version : undefined;
}

/** The current version, or null when Redis cannot be asked (then nothing may be cached). */
export async function currentSiteVersion(siteId: string): Promise<string | null> {
  subscribeOnce();
  const now = Date.now();
  const hit = held.get(siteId);
  if (hit && hit.expiresAt > now) return hit.version;
  const inFlight = pending.get(siteId);
  if (inFlight) return inFlight;
  const startedAt = epoch;
  const request = readVersion(siteId).then((version) => {
    if (pending.get(siteId) === request) pending.delete(siteId);
    if (version !== null && startedAt === epoch)
      held.set(siteId, { version, expiresAt: Date.now() + HOLD_MS });
    return version;
  });
  pending.set(siteId, request);
  return request;
}
