import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { counter, metricsSettingsFrom, startMetricsServer } from './metrics.js';

const silent = createLogger('test', {}, new Writable({ write: (_c, _e, done) => done() }));

describe('metrics', () => {
  it('get-or-create: a second definition of the same metric is the first one', () => {
    const first = counter('spark_test_things_total', 'things', ['kind']);
    const second = counter('spark_test_things_total', 'things', ['kind']);
    expect(second).toBe(first);
  });

  it('serves the registry and the extra text on /metrics, and 404 elsewhere', async () => {
    counter('spark_test_served_total', 'served').inc(3);
    const running = await startMetricsServer({
      settings: { port: await freePort(), host: '127.0.0.1' },
      logger: silent,
      extra: async () => 'bullmq_job_count{queue="q",state="waiting"} 2\n',
    });
    try {
      const text = await (await fetch(`http://127.0.0.1:${running.port}/metrics`)).text();
      expect(text).toMatch(/^spark_test_served_total 3$/m);
      expect(text).toMatch(/^bullmq_job_count\{queue="q",state="waiting"\} 2$/m);
      expect(text).toMatch(/process_cpu_user_seconds_total/);
      expect((await fetch(`http://127.0.0.1:${running.port}/other`)).status).toBe(404);
    } finally {
      await running.close();
    }
  });

  it('logs an error and runs without the endpoint when its port is taken', async () => {
    const errors: string[] = [];
    const logger = createLogger(
      'test',
      {},
      new Writable({
        write(chunk, _encoding, done) {
          const line = JSON.parse(String(chunk)) as { level: string; msg: string };
          if (line.level === 'error') errors.push(line.msg);
          done();
        },
      }),
    );
    const first = await startMetricsServer({
      settings: { port: await freePort(), host: '127.0.0.1' },
      logger,
    });
    try {
      const second = await startMetricsServer({ settings: { port: first.port, host: '127.0.0.1' }, logger });
      expect(second.port).toBe(0);
      expect(errors).toEqual(['metrics endpoint not started']);
    } finally {
      await first.close();
    }
  });

  it('reads the port variable and METRICS_HOST, naming a bad one', () => {
    expect(metricsSettingsFrom({}, 'METRICS_PORT', 9464)).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(
      metricsSettingsFrom({ WORKER_METRICS_PORT: '0', METRICS_HOST: '0.0.0.0' }, 'WORKER_METRICS_PORT', 9465),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
    });
    expect(() => metricsSettingsFrom({ METRICS_PORT: 'abc' }, 'METRICS_PORT', 9464)).toThrow(/METRICS_PORT/);
  });
});

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
