import { INVALIDATION_CHANNEL, type InvalidationMessage, invalidationMessageSchema } from '@spark/contracts';
import type { Redis } from 'ioredis';
import { redisConnection } from '../connections.js';
import { processLogger } from '../observability/logger.js';

type Listener = (message: InvalidationMessage) => void;

/**
 * In-process caches register here; one subscriber connection per process delivers every invalidation the
 * Directus cache-bust hook (or the worker) publishes. A dropped connection is re-established by ioredis; the
 * caches' short TTLs bound staleness in the meantime.
 *
 * The frontend's two bundles (the node:http entry and Astro's server) each have a copy of this module; the
 * listeners and the connection live under a global symbol, so the caches of both hear every message from one
 * connection, in one pass, in the order they registered.
 */
const KEY = Symbol.for('spark.invalidation');
interface Hub {
  listeners: Set<Listener>;
  subscriber: Redis | undefined;
}
type Holder = { [KEY]?: Hub };
const holder = globalThis as Holder;
holder[KEY] ??= { listeners: new Set(), subscriber: undefined };
const hub: Hub = holder[KEY];

export function onInvalidation(listener: Listener): void {
  const { listeners } = hub;
  listeners.add(listener);
  if (hub.subscriber) return;
  const subscriber = redisConnection('subscriber');
  hub.subscriber = subscriber;
  // ioredis re-subscribes after a reconnect by itself; a failure here only means the first attempt failed.
  subscriber
    .subscribe(INVALIDATION_CHANNEL)
    .catch((error: unknown) => processLogger().warn({ err: error }, 'invalidation subscribe failed'));
  // Messages published while the connection was down are lost, and article pages are dropped only by
  // messages: after a reconnect, everything held in process is dropped as if every site had changed.
  let connectedBefore = false;
  subscriber.on('ready', () => {
    if (connectedBefore) {
      const everything: InvalidationMessage = { siteId: null, collection: '*', hostsChanged: true };
      for (const notify of listeners) notify(everything);
    }
    connectedBefore = true;
  });
  subscriber.on('message', (_channel, raw) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    const message = invalidationMessageSchema.safeParse(parsed);
    if (!message.success) {
      processLogger().warn({ channel: INVALIDATION_CHANNEL }, 'ignored a malformed invalidation message');
      return;
    }
    for (const notify of listeners) notify(message.data);
  });
}
