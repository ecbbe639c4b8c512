import { INVALIDATION_CHANNEL, siteVersionKey } from '@spark/contracts';
import { createPool } from '@spark/db';
import { Redis } from 'ioredis';

/**
 * For integration tests that write content with SQL (as the worker does when it publishes articles): announce
 * the change exactly like the Directus cache-bust hook, by bumping the site's version and publishing.
 */
export async function announceContentChange(siteId: string, collection: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? '', { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis
      .multi()
      .incr(siteVersionKey(siteId))
      .publish(INVALIDATION_CHANNEL, JSON.stringify({ siteId, collection, hostsChanged: false }))
      .exec();
  } finally {
    redis.disconnect();
  }
}

export const testPool = () => createPool(process.env.DATABASE_URL ?? '', { max: 2 });

export async function siteIdOf(pool: ReturnType<typeof testPool>, domain: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>('select id from sites where domain = $1', [domain]);
  const id = rows[0]?.id;
  if (!id) throw new Error(`no site ${domain} in the test database`);
  return id;
}
