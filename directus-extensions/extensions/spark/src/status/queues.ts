import type { Redis } from 'ioredis';

const LIST_STATES = ['wait', 'active', 'paused'] as const;
const SET_STATES = ['prioritized', 'delayed', 'waiting-children', 'failed', 'completed'] as const;

export type QueueDepths = Record<
  string,
  Record<(typeof LIST_STATES)[number] | (typeof SET_STATES)[number], number>
>;

/**
 * Depths of every BullMQ queue in Redis, found by their `bull:<queue>:meta` hashes (BullMQ writes one per
 * queue), so the status needs no list of queue names that could drift from the worker's.
 */
export async function readQueueDepths(redis: Redis, prefix = 'bull'): Promise<QueueDepths> {
  const names = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*:meta`, 'COUNT', 500);
    cursor = next;
    for (const key of keys) names.add(key.slice(prefix.length + 1, -':meta'.length));
  } while (cursor !== '0');
  const depths: QueueDepths = {};
  for (const name of [...names].sort()) {
    const pipeline = redis.pipeline();
    for (const state of LIST_STATES) pipeline.llen(`${prefix}:${name}:${state}`);
    for (const state of SET_STATES) pipeline.zcard(`${prefix}:${name}:${state}`);
    const results = (await pipeline.exec()) ?? [];
    const counts = results.map(([, count]) => Number(count ?? 0));
    depths[name] = Object.fromEntries(
      [...LIST_STATES, ...SET_STATES].map((state, index) => [state, counts[index] ?? 0]),
    ) as QueueDepths[string];
  }
  return depths;
}
