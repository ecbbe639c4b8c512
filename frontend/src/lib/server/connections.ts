import { createPool, type Pool } from '@spark/db';
import { Redis } from 'ioredis';
import { serverEnv } from './env.js';
import { logRedisErrors } from './observability/redis-errors.js';

/**
 * Process-wide connections, created on first use. Both recover on their own after the server they talk to
 * restarts (pg drops dead idle clients; ioredis reconnects), so nothing here needs a process restart.
 */
let pool: Pool | undefined;
let redis: Redis | undefined;

export function database(): Pool {
  const env = serverEnv();
  pool ??= createPool(env.DATABASE_URL, {
    max: 10,
    connectTimeoutMs: env.PG_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env.PG_STATEMENT_TIMEOUT_MS,
  });
  return pool;
}

export function cache(): Redis {
  if (redis) return redis;
  // Commands issued while (re)connecting wait briefly instead of failing at once, but never longer than
  // commandTimeout: Redis being down must cost a request at most ~1.5 s, and callers decide what that means.
  // No auto-pipelining here: commands defined lazily on this connection (the rate limiter's script) can land
  // in an auto-pipeline created earlier in the same tick, and ioredis 5.11 then throws from inside its pipeline
  // callback, which takes the process down (ioredis#1931; seen under load in the site-pages bench).
  redis = new Redis(serverEnv().REDIS_URL, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    commandTimeout: 1500,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // Without a listener ioredis reports every reconnect attempt as an unhandled error event. Attached once: this
  // function runs on every request.
  logRedisErrors(redis, 'cache');
  return redis;
}
