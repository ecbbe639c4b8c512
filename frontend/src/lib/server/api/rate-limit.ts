import { AppError } from '@spark/contracts';
import { cache as redis } from '../connections.js';

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

/**
 * Fixed-window counter per (bucket, client key) in Redis, shared by every frontend instance. When Redis is
 * down the request is let through: the limiter protects capacity, it must not take the site down with it.
 */
export async function enforceRateLimit(rule: RateLimit, clientKey: string): Promise<void> {
  const key = `spark:rate:${rule.bucket}:${clientKey}`;
  let result: [number, number];
  try {
    result = (await redis().eval(FIXED_WINDOW, 1, key, rule.windowSeconds * 1000)) as [number, number];
  } catch {
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
