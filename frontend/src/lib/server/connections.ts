import { createPool, type Pool } from '@spark/db';
import { Redis, type RedisOptions } from 'ioredis';
import { serverEnv } from './env.js';
import { logRedisErrors } from './observability/redis-errors.js';

/**
 * Process-wide connections, created on first use. Both recover on their own after the server they talk to
 * restarts (pg drops dead idle clients; ioredis reconnects), so nothing here needs a process restart.
 */
let pool: Pool | undefined;

export function database(): Pool {
  const env = serverEnv();
  pool ??= createPool(env.DATABASE_URL, {
    max: 10,
    connectTimeoutMs: env.PG_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env.PG_STATEMENT_TIMEOUT_MS,
  });
  return pool;
}

/**
 * The frontend's one Redis policy. Every connection shares the URL, the connect timeout and the reconnect
 * backoff, and fails a command after one retry: Redis being down must cost a request at most ~1.5 s, and
 * callers decide what that means. Each role is one connection per process and differs only where its use
 * requires:
 * - `commands`: caches, rate limits, sessions. No auto-pipelining: commands defined lazily on this
 *   connection (the rate limiter's script) can land in an auto-pipeline created earlier in the same tick,
 *   and ioredis 5.11 then throws from inside its pipeline callback, which takes the process down (ioredis#1931).
 * - `tracking`: the analytics hot path; auto-pipelining sends the commands of all concurrent requests in one
 *   write (its script is defined before the first command, so the bug above cannot occur).
 * - `producer`: BullMQ producers; no offline queue, so an enqueue fails fast and the outbox sweep takes over.
 * - `subscriber`: pub/sub invalidations; a subscribed connection can run nothing else, and it waits through
 *   reconnects instead of failing.
 */
export type RedisRole = 'commands' | 'tracking' | 'producer' | 'subscriber';

const ROLE_OPTIONS: Record<RedisRole, RedisOptions> = {
  commands: { enableOfflineQueue: true, commandTimeout: 1500 },
  tracking: { enableOfflineQueue: true, enableAutoPipelining: true },
  producer: { enableOfflineQueue: false },
  subscriber: { maxRetriesPerRequest: null },
};

const redisByRole = new Map<RedisRole, Redis>();

export function redisConnection(role: RedisRole): Redis {
  const existing = redisByRole.get(role);
  if (existing) return existing;
  const redis = new Redis(serverEnv().REDIS_URL, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    ...ROLE_OPTIONS[role],
  });
  // Without a listener ioredis reports every reconnect attempt as an unhandled error event.
  logRedisErrors(redis, role);
  redisByRole.set(role, redis);
  return redis;
}

/** The general-purpose connection: caches, rate limits, sessions. */
export function cache(): Redis {
  return redisConnection('commands');
}
