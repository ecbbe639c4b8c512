import { Redis } from 'ioredis';

let client: Redis | null | undefined;

/**
 * One ioredis client per Directus process, shared by every hook and endpoint of the bundle, connected to the
 * same Redis Directus itself uses (`REDIS`). Without `REDIS` there is nothing to invalidate: callers get null.
 */
export function sharedRedis(env: Record<string, unknown>): Redis | null {
  if (client !== undefined) return client;
  const url = typeof env.REDIS === 'string' && env.REDIS !== '' ? env.REDIS : undefined;
  if (!url) {
    client = null;
    return client;
  }
  client = new Redis(url, {
    maxRetriesPerRequest: 2,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // ioredis reports every reconnect attempt as an 'error' event; an unhandled one would crash the process.
  client.on('error', () => {});
  return client;
}
