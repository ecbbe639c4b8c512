import type { Redis } from 'ioredis';

export interface WindowCount {
  count: number;
  /** Seconds until the window (and so the count) ends; 0 when nothing was counted. */
  resetsIn: number;
}

/**
 * Fixed-window counters: the first hit of a key starts a window of `windowSeconds`, later hits add to it, and
 * the key disappears when the window ends. Redis makes the counts shared by every Directus instance; without
 * Redis (a bare dev run) they live in this process.
 */
export interface WindowCounter {
  read(keys: readonly string[]): Promise<WindowCount[]>;
  hit(keys: readonly string[], windowSeconds: number): Promise<WindowCount[]>;
  clear(key: string): Promise<void>;
  /** Takes back one hit (an attempt counted up front that turned out not to count). */
  refund(key: string): Promise<void>;
}

export function redisWindowCounter(redis: Redis, prefix: string): WindowCounter {
  const full = (key: string) => `${prefix}:${key}`;
  return {
    async read(keys) {
      const pipeline = redis.pipeline();
      for (const key of keys) pipeline.get(full(key)).ttl(full(key));
      const results = (await pipeline.exec()) ?? [];
      return keys.map((_, i) => ({
        count: Number(results[i * 2]?.[1] ?? 0) || 0,
        resetsIn: Math.max(0, Number(results[i * 2 + 1]?.[1] ?? 0)),
      }));
    },
    async hit(keys, windowSeconds) {
      const pipeline = redis.pipeline();
      // SET NX starts the window only once; INCR then counts inside it (works on every Redis version).
      for (const key of keys)
        pipeline.set(full(key), 0, 'EX', windowSeconds, 'NX').incr(full(key)).ttl(full(key));
      const results = (await pipeline.exec()) ?? [];
      return keys.map((_, i) => ({
        count: Number(results[i * 3 + 1]?.[1] ?? 0),
        resetsIn: Math.max(0, Number(results[i * 3 + 2]?.[1] ?? 0)),
      }));
    },
    async clear(key) {
      await redis.del(full(key));
    },
    async refund(key) {
      // DECR on a key whose window just ended would create a -1 without expiry: remove that instead.
      if ((await redis.decr(full(key))) <= 0) await redis.del(full(key));
    },
  };
}

/** In-process counters, bounded so a flood of distinct keys cannot grow memory without limit. */
export function memoryWindowCounter(now: () => number = Date.now, maxKeys = 50_000): WindowCounter {
  const windows = new Map<string, { count: number; endsAt: number }>();
  const current = (key: string) => {
    const entry = windows.get(key);
    if (entry && entry.endsAt <= now()) windows.delete(key);
    return windows.get(key);
  };
  const view = (entry: { count: number; endsAt: number } | undefined): WindowCount =>
    entry
      ? { count: entry.count, resetsIn: Math.ceil((entry.endsAt - now()) / 1000) }
      : { count: 0, resetsIn: 0 };
  return {
    async read(keys) {
      return keys.map((key) => view(current(key)));
    },
    async hit(keys, windowSeconds) {
      return keys.map((key) => {
        let entry = current(key);
        if (!entry) {
          if (windows.size >= maxKeys) {
            for (const [k, e] of windows) if (e.endsAt <= now()) windows.delete(k);
            if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
          }
          entry = { count: 0, endsAt: now() + windowSeconds * 1000 };
          windows.set(key, entry);
        }
        entry.count += 1;
        return view(entry);
      });
    },
    async clear(key) {
      windows.delete(key);
    },
    async refund(key) {
      const entry = current(key);
      if (entry) entry.count = Math.max(0, entry.count - 1);
    },
  };
}
