import type { ServiceHealth } from '@spark/contracts/admin';
import { checkDependencies } from '../health.js';
import { queueHealth } from '../services.js';

/**
 * The services the platform runs on, for operators. The worker has no port: it counts as up while at least one
 * worker connection is registered on the queues (BullMQ keeps that registry in Redis), which is what a stalled
 * or crashed worker loses.
 */
export async function readServiceHealth(now = new Date()): Promise<ServiceHealth['data']> {
  const started = performance.now();
  const [dependencies, workers] = await Promise.all([
    checkDependencies(),
    queueHealth()
      .read()
      .then((health) => ({ count: Math.max(0, ...health.queues.map((queue) => queue.workers)) }))
      .catch((error: unknown) => ({
        count: 0,
        error: error instanceof Error ? error.message : String(error),
      })),
  ]);
  const latency = Math.round(performance.now() - started);
  return {
    database: dependencies.postgres,
    redis: dependencies.redis,
    directus: dependencies.directus,
    worker: {
      status: workers.count > 0 ? 'up' : 'down',
      latency_ms: latency,
      workers: workers.count,
      ...('error' in workers
        ? { error: workers.error }
        : workers.count === 0
          ? { error: 'no worker is connected to the queues' }
          : {}),
    },
    checked_at: now.toISOString(),
  };
}
