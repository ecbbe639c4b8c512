import { createServer, type Server } from 'node:http';
import client from 'prom-client';
import { z } from 'zod';
import type { Logger } from './logger.js';

/**
 * Prometheus metrics in the process-wide prom-client registry. The frontend loads this module twice (its
 * node:http entry and Astro's server are separate bundles sharing one prom-client), so every metric is
 * get-or-create by name: the second copy finds the first one's metric instead of failing to register it.
 */
export const registry = client.register;

function existing<T>(name: string): T | undefined {
  return registry.getSingleMetric(name) as T | undefined;
}

export function counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []) {
  return existing<client.Counter<L>>(name) ?? new client.Counter<L>({ name, help, labelNames });
}

export function gauge<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
  collect?: (this: client.Gauge<L>) => Promise<void> | void,
) {
  return (
    existing<client.Gauge<L>>(name) ??
    new client.Gauge<L>({ name, help, labelNames, ...(collect ? { collect } : {}) })
  );
}

export function histogram<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  buckets: number[],
) {
  return existing<client.Histogram<L>>(name) ?? new client.Histogram<L>({ name, help, labelNames, buckets });
}

/** Request latency buckets in seconds: 5 ms (a cached page) to 10 s (a generation request under load). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const metricsEnvSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535),
  host: z.string().min(1),
});

export interface MetricsSettings {
  /** 0 turns the endpoint off. */
  port: number;
  host: string;
}

/**
 * Where the metrics endpoint listens: `<portVariable>` (0 = off) and `METRICS_HOST` (default loopback; compose
 * sets 0.0.0.0 on its internal network and publishes no metrics port).
 */
export function metricsSettingsFrom(
  env: NodeJS.ProcessEnv,
  portVariable: string,
  defaultPort: number,
): MetricsSettings {
  const parsed = metricsEnvSchema.safeParse({
    port: env[portVariable] || defaultPort,
    host: env.METRICS_HOST || '127.0.0.1',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path[0] === 'port' ? portVariable : 'METRICS_HOST';
    throw new Error(`Invalid metrics environment — ${variable}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

let defaultsCollected = false;

/**
 * Serves `GET /metrics` (prom-client's registry plus `extra`, e.g. BullMQ's own exporter) on its own port, apart
 * from the application's: it is for the scraper on the internal network, never for visitors. A port that cannot
 * be bound is logged as an error and leaves the process running without the endpoint (`port` 0).
 */
export async function startMetricsServer(options: {
  settings: MetricsSettings;
  logger: Logger;
  /** More exposition text appended to the registry's (must be valid Prometheus text format). */
  extra?: () => Promise<string>;
}): Promise<{ port: number; close(): Promise<void> }> {
  const { settings, logger, extra } = options;
  if (!defaultsCollected) {
    client.collectDefaultMetrics({ register: registry });
    defaultsCollected = true;
  }
  if (settings.port === 0) {
    logger.info('metrics endpoint disabled (port 0)');
    return { port: 0, close: async () => {} };
  }
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?', 1)[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    Promise.all([registry.metrics(), extra ? extra() : Promise.resolve('')])
      .then(([own, more]) => {
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(more ? `${own}\n${more.trimEnd()}\n` : own);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'metrics collection failed');
        res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics collection failed\n');
      });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(settings.port, settings.host, () => resolve());
    });
  } catch (error) {
    // The process's real work matters more than its metrics (and test suites start extra instances with the
    // same environment): say so loudly, then run without the endpoint.
    logger.error({ err: error, port: settings.port }, 'metrics endpoint not started');
    return { port: 0, close: async () => {} };
  }
  server.on('error', (error) => logger.error({ err: error }, 'metrics server error'));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  logger.info({ port, host: settings.host }, 'metrics endpoint listening');
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
