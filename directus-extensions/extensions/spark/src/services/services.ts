import { AppError } from '@spark/contracts';
import { createPool, type Pool } from '@spark/db';
import { createFactory, type Factory, loadPrincipal, type Principal } from '@spark/factory';
import { createJobQueues, type JobQueues } from '@spark/jobs';
import { Redis } from 'ioredis';
import { type BundleLogger, sharedRedis } from '../cache/redis.js';

/**
 * The bundle's composition root: the one place that builds the application services' dependencies
 * (`{db, queues, cache, now}`) from Directus's own environment, so endpoints, hooks and Flows operations run
 * the same use cases as the frontend's API. Built on first use and shared by every extension of the bundle.
 */
export interface BundleServices {
  db: Pool;
  queues: JobQueues;
  factory: Factory;
}

type Env = Record<string, unknown>;
type Logger = BundleLogger & { error(object: unknown, message?: string): void };

let services: BundleServices | undefined;

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** Directus's database settings as a URL: its connection string, or the host/port/name/user/password it was given. */
export function databaseUrlOf(env: Env): string {
  const direct = text(env.DB_CONNECTION_STRING);
  if (direct) return direct;
  const host = text(env.DB_HOST);
  const database = text(env.DB_DATABASE);
  if (!host || !database) {
    throw new Error(
      'spark bundle: set DB_CONNECTION_STRING or DB_HOST and DB_DATABASE (Directus database settings)',
    );
  }
  const url = new URL(`postgres://${host}`);
  url.port = String(env.DB_PORT ?? '5432');
  url.pathname = `/${database}`;
  url.username = text(env.DB_USER) ?? '';
  url.password = text(env.DB_PASSWORD) ?? '';
  return url.toString();
}

export function bundleServices(env: Env, logger: Logger): BundleServices {
  if (services) return services;
  const cache = sharedRedis(env, logger);
  const redisUrl = text(env.REDIS);
  if (!cache || !redisUrl)
    throw new AppError('SERVICE_UNAVAILABLE', 'Directus runs without REDIS: jobs cannot be queued');
  const db = createPool(databaseUrlOf(env), {
    max: 5,
    onIdleClientError: (error) => logger.warn(error, 'spark bundle: idle PostgreSQL client failed'),
  });
  // Producers get their own connection without an offline queue: an enqueue fails fast while Redis is down and
  // the job stays `pending` for the worker's outbox sweep, instead of hanging the Directus request.
  const producer = new Redis(redisUrl, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  producer.on('error', () => {}); // the shared connection already reports outages of the same Redis
  const queues = createJobQueues(producer, { log: () => logger });
  services = { db, queues, factory: createFactory({ db, queues, cache, now: () => new Date() }) };
  return services;
}

/**
 * The caller's principal from Directus's `accountability`, by the same rule as the frontend's token check: the
 * user's policies and site memberships decide, never Directus's own admin flag or the bundle's privileges.
 * No user (a public request, or a Flow without one) is UNAUTHENTICATED.
 */
export async function principalOf(
  db: Pool,
  accountability: { user?: string | null } | null | undefined,
): Promise<Principal> {
  const userId = accountability?.user;
  if (!userId) throw new AppError('UNAUTHENTICATED', 'Sign in: this action needs a Directus user');
  return loadPrincipal(db, userId);
}
