import { AppError } from '@spark/contracts';
import type { Redis } from 'ioredis';
import { cache } from '../connections.js';
import { logIgnoredFailure } from '../observability/ignored-failure.js';

export interface RateLimit {
  /** Groups routes that share a budget, e.g. `public-write`. */
  bucket: string;
  limit: number;
  windowSeconds: number;
}

// INCR and set the expiry on the first hit, atomically: a crash between the two can never leave a key that
// lives forever and blocks a client for good.
const FIXED_WINDOW = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}`;

type Limiter = Redis & { sparkFixedWindow(key: string, windowMs: number): Promise<[number, number]> };
const withCommand = new WeakSet<Redis>();

/** The script as a named command: ioredis sends EVALSHA (40 bytes) instead of the script on every request. */
function limiter(): Limiter {
  const redis = cache();
  if (!withCommand.has(redis)) {
    redis.defineCommand('sparkFixedWindow', { numberOfKeys: 1, lua: FIXED_WINDOW });
    withCommand.add(redis);
  }
  return redis as Limiter;
}

/**
 * Fixed-window counter per (bucket, client key) in Redis, shared by every frontend instance. When Redis is
 * down the request is let through: the limiter protects capacity, it must not take the site down with it.
 */
export async function enforceRateLimit(rule: RateLimit, clientKey: string): Promise<void> {
  const key = `spark:rate:${rule.bucket}:${clientKey}`;
  let result: [number, number];
  try {
    result = await limiter().sparkFixedWindow(key, rule.windowSeconds * 1000);
  } catch (error) {
    logIgnoredFailure('rate limit check', error);
    return;
  }
  const [count, ttlMs] = result;
  if (count > rule.limit) {
    const retryAfter = Math.max(1, Math.ceil(ttlMs / 1000));
    throw new AppError('RATE_LIMITED', `Too many requests; retry in ${retryAfter} s`, {
      retry_after_s: retryAfter,
    });
  }
}
