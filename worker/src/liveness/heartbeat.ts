import { stat, writeFile } from 'node:fs/promises';
import type { Pool } from '@spark/db';
import type { WorkerFeature } from '../feature.js';
import { processLogger } from '../logging.js';

/**
 * Liveness for a process with no HTTP port: every interval the worker proves it can still reach Redis and
 * PostgreSQL and then touches a file; the container healthcheck (`isHeartbeatFresh` through
 * `node worker/dist/healthcheck.mjs`) calls it unhealthy when the file is older than a few intervals. A stuck
 * event loop, lost connections or a crashed feature all stop the beat. Costs one PING and one `select 1` per
 * interval.
 */
export const HEARTBEAT_INTERVAL_MS = 10_000;
/** Three missed beats: one slow round trip is no reason to restart a worker mid-job. */
export const HEARTBEAT_MAX_AGE_MS = 3 * HEARTBEAT_INTERVAL_MS + 5_000;

export interface HeartbeatDeps {
  file: string;
  ping(): Promise<unknown>;
  pool: Pick<Pool, 'query'>;
  intervalMs?: number;
  onError?(error: unknown): void;
}

/** One beat: the file is written only after both stores answered. */
export async function beat(deps: HeartbeatDeps, now = new Date()): Promise<void> {
  await deps.ping();
  await deps.pool.query('select 1');
  await writeFile(deps.file, `${now.toISOString()}\n`);
}

export function startHeartbeat(deps: HeartbeatDeps): { stop(): void } {
  const run = () => beat(deps).catch((error: unknown) => deps.onError?.(error));
  void run();
  const timer = setInterval(run, deps.intervalMs ?? HEARTBEAT_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

export async function isHeartbeatFresh(file: string, maxAgeMs = HEARTBEAT_MAX_AGE_MS, now = Date.now()) {
  const modified = await stat(file).then(
    (s) => s.mtimeMs,
    () => undefined,
  );
  return modified !== undefined && now - modified <= maxAgeMs;
}

export const heartbeatFeature: WorkerFeature = {
  name: 'heartbeat',
  async start({ env, pool, connection }) {
    const heartbeat = startHeartbeat({
      file: env.WORKER_HEARTBEAT_FILE,
      ping: () => connection.ping(),
      pool,
      onError: (error) => processLogger.warn({ err: error }, 'heartbeat skipped'),
    });
    return { close: async () => heartbeat.stop() };
  },
};
