import { AsyncLocalStorage } from 'node:async_hooks';
import { REQUEST_ID_HEADER } from '@spark/observability';

/** What the node:http entry knows about the request being handled, for log lines, metrics and outgoing calls. */
export interface RequestContext {
  requestId: string;
  /** The route pattern that answered (`/api/seo/jobs/[id]`), set by whoever matched it; bounded cardinality. */
  route?: string;
  /** Set when the node:http entry answered without entering Astro (from memory or the render store); logged. */
  answeredBy?: 'page-cache' | 'render-store';
  /**
   * The node:http entry asked the render store for this page (`url`: the page cache key) and it had none, at
   * the store epoch given: the middleware renders it without asking again.
   */
  storeMiss?: { url: string; epoch: string };
}

/**
 * Carried from the node:http entry (src/server/main.ts) into Astro's routes. The entry and Astro's server are
 * separate bundles with separate module copies, so the store lives under a global symbol both see.
 */
const KEY = Symbol.for('spark.request-context');
type Holder = { [KEY]?: AsyncLocalStorage<RequestContext> };

const holder = globalThis as Holder;
holder[KEY] ??= new AsyncLocalStorage<RequestContext>();
export const requestContextStore: AsyncLocalStorage<RequestContext> = holder[KEY];

export function currentRequestContext(): RequestContext | undefined {
  return requestContextStore.getStore();
}

export function currentRequestId(): string | undefined {
  return requestContextStore.getStore()?.requestId;
}

/** `X-Request-Id` for a call to another service (Directus), so its lines can be matched with ours. */
export function requestIdHeader(): Record<string, string> {
  const id = currentRequestId();
  return id ? { [REQUEST_ID_HEADER]: id } : {};
}

/** The request id for a job payload (`requestId`, optional in every job contract), so worker lines carry it. */
export function withRequestId<T extends object>(data: T): T & { requestId?: string } {
  const requestId = currentRequestId();
  return requestId ? { ...data, requestId } : data;
}
