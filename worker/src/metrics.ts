import { QUEUES } from '@spark/jobs';
import { counter, gauge, type Logger, metricsSettingsFrom, startMetricsServer } from '@spark/observability';
import { type Job, MetricsTime, Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/** Passed to every Worker: BullMQ then keeps per-minute completed/failed counts its exporter reports. */
export const BULLMQ_WORKER_METRICS = { metrics: { maxDataPoints: MetricsTime.ONE_WEEK } };

/** Lead webhook deliveries by outcome: delivered, skipped (lead gone or already done), retried, failed. */
export const webhookDeliveries = counter(
  'spark_webhook_deliveries_total',
  'Lead webhook delivery attempts by outcome',
  ['outcome'],
);

/** Counts a finished delivery job (`completed` or `failed` event of the webhook worker). */
export function recordWebhookOutcome(job: Pick<Job, 'returnvalue' | 'finishedOn'>, failed: boolean): void {
  if (failed) {
    webhookDeliveries.inc({ outcome: job.finishedOn ? 'failed' : 'retried' });
    return;
  }
  const status = (job.returnvalue as { status?: unknown } | undefined)?.status;
  webhookDeliveries.inc({ outcome: status === 'delivered' ? 'delivered' : 'skipped' });
}

export const ingestedEvents = counter(
  'spark_ingestion_events_total',
  'Analytics events written from the stream to PostgreSQL',
);

/**
 * Merges several Prometheus text expositions (BullMQ writes one per queue, each with its own HELP and TYPE
 * lines) into one in which every metric family appears once, as the text format requires.
 */
export function mergeExpositions(texts: string[]): string {
  const families = new Map<string, { meta: string[]; samples: string[] }>();
  const familyOf = (name: string) => {
    let family = families.get(name);
    if (!family) {
      family = { meta: [], samples: [] };
      families.set(name, family);
    }
    return family;
  };
  for (const line of texts.flatMap((text) => text.split('\n'))) {
    const meta = /^# (HELP|TYPE) (\S+)/.exec(line);
    if (meta?.[2]) {
      const family = familyOf(meta[2]);
      if (!family.meta.some((existing) => existing.startsWith(`# ${meta[1]} `))) family.meta.push(line);
    } else if (line.trim() !== '' && !line.startsWith('#')) {
      familyOf(/^[^{\s]+/.exec(line)?.[0] ?? line).samples.push(line);
    }
  }
  return [...families.values()].flatMap((family) => [...family.meta, ...family.samples]).join('\n');
}

const SCRAPE_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} timed out`)), SCRAPE_TIMEOUT_MS).unref(),
    ),
  ]);
}

/** Age in seconds of a stream entry id (`<ms>-<seq>`) at `now`. */
export function entryAgeSeconds(entryId: string, now: number): number {
  const ms = Number(entryId.split('-', 1)[0]);
  return Number.isFinite(ms) ? Math.max(0, (now - ms) / 1000) : 0;
}

/**
 * The tracking stream's backlog and lag, read at scrape time. Ingested entries are deleted once written, so
 * the stream's length is the backlog (read or not) and its oldest entry's age is how far ingestion lags.
 */
function ingestionGauges(redis: Redis, stream: string, logger: Logger): void {
  gauge(
    'spark_ingestion_backlog_entries',
    'Tracking events in the stream not yet written to PostgreSQL',
    [],
    async function () {
      try {
        this.set(await withTimeout(redis.xlen(stream), 'XLEN'));
      } catch (error) {
        logger.warn({ err: error }, 'ingestion backlog unavailable for metrics');
      }
    },
  );
  gauge(
    'spark_ingestion_lag_seconds',
    'Age of the oldest tracking event not yet written to PostgreSQL',
    [],
    async function () {
      try {
        const oldest = await withTimeout(redis.xrange(stream, '-', '+', 'COUNT', 1), 'XRANGE');
        const id = oldest[0]?.[0];
        this.set(id ? entryAgeSeconds(id, Date.now()) : 0);
      } catch (error) {
        logger.warn({ err: error }, 'ingestion lag unavailable for metrics');
      }
    },
  );
}

/**
 * The worker's metrics endpoint (`WORKER_METRICS_PORT`, default 9465): its own series, the ingestion gauges and
 * BullMQ's exporter for every queue. Scrapes use a connection of their own that fails fast, so a Redis outage
 * answers a scrape in seconds instead of hanging it.
 */
export async function startWorkerMetrics(options: {
  connection: Redis;
  analyticsStream: string;
  logger: Logger;
}): Promise<{ close(): Promise<void> }> {
  const { logger } = options;
  const redis = options.connection.duplicate({ maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => {}); // the shared connection already logs Redis outages
  const queues = Object.values(QUEUES).map((name) => new Queue(name, { connection: redis }));
  for (const queue of queues) queue.on('error', () => {}); // same connection, same errors
  ingestionGauges(redis, options.analyticsStream, logger);
  const server = await startMetricsServer({
    settings: metricsSettingsFrom(process.env, 'WORKER_METRICS_PORT', 9465),
    logger,
    extra: async () => {
      try {
        return mergeExpositions(
          await withTimeout(
            Promise.all(queues.map((queue) => queue.exportPrometheusMetrics())),
            'BullMQ metrics',
          ),
        );
      } catch (error) {
        logger.warn({ err: error }, 'queue metrics unavailable');
        return '';
      }
    },
  });
  return {
    async close() {
      await server.close();
      await Promise.all(queues.map((queue) => queue.close()));
      await redis.quit().catch(() => {});
    },
  };
}
