import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { SchemaOverview } from '@directus/types';
import type { Redis } from 'ioredis';
import type { Knex } from 'knex';
import { type QueueDepths, readQueueDepths } from './queues.js';

/**
 * Directus's version from the `directus` package of the running installation. The bundle cannot import it (the
 * build would inline a copy), so it is resolved from the process's working directory, where Directus runs.
 */
function directusVersion(): string {
  try {
    const require = createRequire(join(process.cwd(), 'package.json'));
    const manifest = JSON.parse(readFileSync(require.resolve('directus/package.json'), 'utf8'));
    return String(manifest.version);
  } catch {
    return 'unknown';
  }
}

async function databaseFacts(database: Knex) {
  const { rows } = await database.raw(
    `select current_setting('server_version') as postgres,
            (select extversion from pg_extension where extname = 'postgis') as postgis,
            (select count(*)::int from information_schema.tables
              where table_schema = 'public' and table_type = 'BASE TABLE') as tables`,
  );
  return rows[0] as { postgres: string; postgis: string | null; tables: number };
}

async function redisFacts(redis: Redis | null) {
  if (!redis) return { configured: false as const };
  const started = performance.now();
  try {
    const pong = await redis.ping();
    const pingMs = Math.round((performance.now() - started) * 10) / 10;
    const queues: QueueDepths = await readQueueDepths(redis);
    return { configured: true as const, ok: pong === 'PONG', pingMs, queues };
  } catch (error) {
    return {
      configured: true as const,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

export async function readStatus(database: Knex, schema: SchemaOverview, redis: Redis | null) {
  const names = Object.keys(schema.collections);
  const [db, redisStatus] = await Promise.all([databaseFacts(database), redisFacts(redis)]);
  return {
    versions: {
      directus: directusVersion(),
      postgres: db.postgres,
      postgis: db.postgis,
      node: process.version,
    },
    database: { tables: db.tables },
    collections: {
      total: names.length,
      user: names.filter((name) => !name.startsWith('directus_')).length,
    },
    redis: redisStatus,
  };
}
