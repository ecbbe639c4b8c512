import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The socket address of the request being handled, carried from the node:http entry (src/server/main.ts) into
 * Astro's routes. Astro's standalone handler takes no per-request context and its `clientAddress` comes from
 * X-Forwarded-For whoever sent it, so the entry runs Astro inside this store instead. The entry and Astro's
 * server are separate bundles with separate module copies: the store lives under a global symbol so both
 * see the same one.
 */
const KEY = Symbol.for('spark.socket-peer');
type Holder = { [KEY]?: AsyncLocalStorage<string> };

const holder = globalThis as Holder;
holder[KEY] ??= new AsyncLocalStorage<string>();
export const socketPeerStore: AsyncLocalStorage<string> = holder[KEY];

/** The peer of the current request, or undefined outside the node:http entry (e.g. `astro dev`). */
export function currentSocketPeer(): string | undefined {
  return socketPeerStore.getStore();
}
