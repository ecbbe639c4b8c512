import { ANALYTICS_STREAM } from '@spark/contracts';
import { createPool } from '@spark/db';
import { Redis } from 'ioredis';
import { parseWorkerEnv } from './env.js';
import { FEATURES } from './features.js';
import { processLogger } from './logging.js';
import { startWorkerMetrics } from './metrics.js';

/** env → connections → features → signals. Several worker processes may share one Redis (the scale-out path). */
async function main() {
  const env = parseWorkerEnv(process.env);
  const pool = createPool(env.DATABASE_URL, {
    max: env.WORKER_CONCURRENCY + 4,
    connectTimeoutMs: env.PG_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env.WORKER_PG_STATEMENT_TIMEOUT_MS,
  });
  // BullMQ workers block on Redis; they need maxRetriesPerRequest null to wait through reconnects.
  const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  let redisFailing = false; // one line per outage, not one per reconnect attempt
  connection.on('error', (error) => {
    if (!redisFailing) processLogger.warn({ err: error }, 'redis connection error');
    redisFailing = true;
  });
  connection.on('ready', () => {
    if (redisFailing) processLogger.info('redis connection recovered');
    redisFailing = false;
  });
  const metrics = await startWorkerMetrics({
    connection,
    analyticsStream: ANALYTICS_STREAM,
    logger: processLogger,
  });

  const running: { name: string; close(): Promise<void> }[] = [];
  for (const feature of FEATURES) {
    running.push({ name: feature.name, ...(await feature.start({ env, pool, connection })) });
  }
  processLogger.info({ features: running.map((f) => f.name) }, 'worker ready');

  // SIGTERM drains: running jobs finish, no new ones start, then connections close.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    processLogger.info({ signal }, 'draining');
    // Draining needs Redis; if it is gone, closing would wait forever. Bound it so the process always ends.
    setTimeout(() => {
      processLogger.error('drain did not finish in 30 s; exiting');
      process.exit(1);
    }, 30_000).unref();
    await Promise.all(running.map((feature) => feature.close()));
    await metrics.close();
    await connection.quit().catch(() => {});
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  processLogger.fatal({ err: error }, 'worker failed to start');
  // pino writes asynchronously: let the line reach stdout before the process ends.
  processLogger.flush(() => process.exit(1));
});
