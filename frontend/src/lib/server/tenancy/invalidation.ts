import { INVALIDATION_CHANNEL, type InvalidationMessage, invalidationMessageSchema } from '@spark/contracts';
import type { Redis } from 'ioredis';
import { redisConnection } from '../connections.js';
import { processLogger } from '../observability/logger.js';

type Listener = (message: InvalidationMessage) => void;
const listeners = new Set<Listener>();
let subscriber: Redis | undefined;

/**
 * In-process caches register here; one subscriber connection per process delivers every invalidation the
 * Directus cache-bust hook (or the worker) publishes. A dropped connection is re-established by ioredis; the
 * caches' short TTLs bound staleness in the meantime.
 */
export function onInvalidation(listener: Listener): void {
  listeners.add(listener);
  if (subscriber) return;
  subscriber = redisConnection('subscriber');
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
