import { Redis } from 'ioredis';

let client: Redis | null | undefined;

/**
 * One ioredis client per Directus process, shared by every hook and endpoint of the bundle, connected to the
 * same Redis Directus itself uses (`REDIS`). Without `REDIS` there is nothing to invalidate: callers get null.
 */
/** The part of Directus's pino logger the bundle uses. */
export interface BundleLogger {
  warn(object: unknown, message?: string): void;
  info(object: unknown, message?: string): void;
}

export function sharedRedis(env: Record<string, unknown>, logger: BundleLogger): Redis | null {
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
  // ioredis reports every reconnect attempt as an 'error' event (an unhandled one would crash the process):
  // one line per outage in Directus's log, and one when the connection is back.
  let failing = false;
  client.on('error', (error: Error) => {
    if (!failing) logger.warn(error, 'spark bundle: Redis connection error');
    failing = true;
  });
  client.on('ready', () => {
    if (failing) logger.info({}, 'spark bundle: Redis connection recovered');
    failing = false;
  });
  return client;
}
