import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { GENERATION_QUEUE, LEAD_WEBHOOK_QUEUE, leadWebhookJobs } from '@spark/contracts';
import { createPool } from '@spark/db';
import { freePort } from '@spark/devstack/ports';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, callApi } from '../../../testing/http.js';
import { post } from '../analytics/testing.js';
import { eventually } from '../eventually.testing.js';
import {
  createCampaign,
  getOnHost,
  type TenantLibrary,
  tenantLibrary,
  waitForJob,
} from '../factory/testing/factory-api.js';

/**
 * Operators follow one request through the platform by its id and read each process's metrics port. These
 * tests drive the running stack, then read what operators read: the JSON log lines the stack's services wrote
 * to `<SPARK_LOG_DIR>/<service>.log`, and each /metrics endpoint.
 */

type LogLine = Record<string, unknown>;

function parseLines(text: string): LogLine[] {
  return text.split('\n').flatMap((line) => {
    try {
      const parsed: unknown = JSON.parse(line);
      return parsed && typeof parsed === 'object' ? [parsed as LogLine] : [];
    } catch {
      return []; // not every line of a service log is ours (e.g. Node's own warnings)
    }
  });
}

const logDir = () => {
  const dir = process.env.SPARK_LOG_DIR;
  if (!dir) throw new Error('SPARK_LOG_DIR is not set: run integration tests through `npm test`');
  return dir;
};
const serviceLog = (service: string) => parseLines(readFileSync(join(logDir(), `${service}.log`), 'utf8'));

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus text format → samples (enough of the format for prom-client's and BullMQ's output). */
function parseExposition(text: string): Sample[] {
  return text.split('\n').flatMap((line) => {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match?.[1] || match[3] === undefined) return [];
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      if (key !== undefined && value !== undefined) labels[key] = value;
    }
    return [{ name: match[1], labels, value: Number(match[3]) }];
  });
}

async function scrape(url: string, headers: Record<string, string> = {}): Promise<Sample[]> {
  const response = await fetch(url, { headers });
  expect(response.status, url).toBe(200);
  return parseExposition(await response.text());
}

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

const metricsUrl = (variable: 'METRICS_PORT' | 'WORKER_METRICS_PORT') => {
  const port = process.env[variable];
  if (!port) throw new Error(`${variable} is not set: run integration tests through \`npm test\``);
  return `http://127.0.0.1:${port}/metrics`;
};

const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
let alpha: TenantLibrary;
const campaigns: string[] = [];

beforeAll(async () => {
  alpha = await tenantLibrary(pool, 'alpha.localhost');
});
afterAll(async () => {
  for (const id of campaigns) {
    await pool.query('delete from generated_articles where campaign_id = $1', [id]);
    await pool.query('delete from campaign_masters where id = $1', [id]);
  }
  await pool.end();
});

describe('request ids', { timeout: 120_000 }, () => {
  /** A second frontend on the same stores that trusts loopback as its proxy, with its log lines kept here. */
  let proxied: ChildProcess;
  let proxiedUrl = '';
  const proxiedLines: LogLine[] = [];

  beforeAll(async () => {
    const port = await freePort();
    proxied = spawn(
      process.execPath,
      [join(process.env.SPARK_FRONTEND_OUT_DIR ?? 'dist', 'server/main.mjs')],
      {
        env: {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: String(port),
          TRUST_PROXY: 'loopback',
          METRICS_PORT: '0',
          LOG_FORMAT: 'json',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    createInterface({ input: proxied.stdout as NodeJS.ReadableStream }).on('line', (line) =>
      proxiedLines.push(...parseLines(line)),
    );
    proxiedUrl = `http://127.0.0.1:${port}`;
    await eventually(
      () =>
        fetch(`${proxiedUrl}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      (status) => status > 0,
      20_000,
    );
  });
  afterAll(() => {
    proxied.kill('SIGTERM');
  });

  it('follows one generation request from its HTTP line to every worker line of its jobs', async () => {
    const campaign = await createCampaign(alpha);
    campaigns.push(campaign.id);
    const requestId = `obs-${randomBytes(6).toString('hex')}`;
    const started = await callApi<{ job_id: string }>('/api/seo/generate-article', {
      baseUrl: proxiedUrl,
      method: 'POST',
      token: adminToken(),
      headers: { 'x-request-id': requestId },
      json: { campaign_id: campaign.id, count: 3 },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    // The id a trusted proxy named is kept and echoed.
    expect(started.headers.get('x-request-id')).toBe(requestId);
    expect((await waitForJob(started.body.job_id)).status).toBe('completed');

    const httpLine = await eventually(
      async () => proxiedLines.find((line) => line.reqId === requestId && line.msg === 'request'),
      (line) => line !== undefined,
    );
    expect(httpLine).toMatchObject({
      level: 'info',
      service: 'frontend',
      method: 'POST',
      route: '/api/seo/generate-article',
      status: 202,
    });
    expect(typeof httpLine?.durationMs).toBe('number');

    const jobLines = await eventually(
      async () => serviceLog('worker').filter((line) => line.requestId === requestId),
      (lines) => lines.some((line) => line.msg === 'job completed'),
      30_000,
    );
    expect(jobLines.map((line) => line.msg)).toContain('job started');
    for (const line of jobLines) {
      expect(line).toMatchObject({ service: 'worker', queue: GENERATION_QUEUE });
      expect(String(line.jobId)).toMatch(/^generate-/);
    }
  });

  it("replaces an untrusted caller's X-Request-Id, echoes the new one and logs the request under it", async () => {
    const answer = await callApi('/api/health', {
      host: 'alpha.localhost',
      headers: { 'x-request-id': 'chosen-by-the-caller' },
    });
    const requestId = answer.headers.get('x-request-id') ?? '';
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const line = await eventually(
      async () => serviceLog('frontend').find((entry) => entry.reqId === requestId),
      (entry) => entry !== undefined,
    );
    expect(line).toMatchObject({
      method: 'GET',
      route: '/api/health',
      status: answer.status,
      msg: 'request',
    });
    expect(JSON.stringify(serviceLog('frontend'))).not.toContain('chosen-by-the-caller');
  });
});

describe('metrics ports', { timeout: 120_000 }, () => {
  it('frontend: request latency by route pattern and status, and page-cache hits and misses', async () => {
    const before = await scrape(metricsUrl('METRICS_PORT'));
    for (let i = 0; i < 3; i++) expect((await getOnHost('alpha.localhost', '/')).status).toBe(200);
    const jobId = randomUUID();
    expect((await callApi(`/api/seo/jobs/${jobId}`, { token: adminToken() })).status).toBe(404);
    const after = await scrape(metricsUrl('METRICS_PORT'));

    const requests = (samples: Sample[], labels: Record<string, string>) =>
      value(samples, 'spark_http_request_duration_seconds_count', labels);
    expect(requests(after, { route: '/', status: '200' })).toBeGreaterThanOrEqual(
      requests(before, { route: '/', status: '200' }) + 3,
    );
    // The route pattern, never the raw URL: the job id does not become a label value.
    expect(requests(after, { route: '/api/seo/jobs/[id]', status: '404' })).toBeGreaterThan(0);
    expect(after.some((s) => Object.values(s.labels).some((label) => label.includes(jobId)))).toBe(false);
    expect(value(after, 'spark_page_cache_lookups_total', { result: 'hit' })).toBeGreaterThan(
      value(before, 'spark_page_cache_lookups_total', { result: 'hit' }),
    );
    expect(value(after, 'spark_page_cache_lookups_total', { result: 'miss' })).toBeGreaterThan(0);
  });

  it('worker: BullMQ queue series, job outcomes, ingestion and webhook delivery outcomes', async () => {
    // A tracked page view for the ingestion series, and a delivery whose submission does not exist (skipped).
    const view = await post('alpha.localhost', '/api/track/pageview', {
      url: 'http://alpha.localhost/metrics',
    });
    expect(view.status).toBeLessThan(300);
    const webhooks = new Queue(LEAD_WEBHOOK_QUEUE, { connection: { url: process.env.REDIS_URL ?? '' } });
    try {
      await webhooks.add(leadWebhookJobs.deliver.name, { submissionId: randomUUID() });
    } finally {
      await webhooks.close();
    }

    const samples = await eventually(
      () => scrape(metricsUrl('WORKER_METRICS_PORT')),
      (now) =>
        value(now, 'spark_ingestion_events_total') > 0 &&
        value(now, 'spark_webhook_deliveries_total', { outcome: 'skipped' }) > 0 &&
        value(now, 'spark_worker_jobs_total', { queue: GENERATION_QUEUE, outcome: 'completed' }) > 0,
      30_000,
    );
    expect(samples.some((s) => s.name === 'bullmq_job_count' && s.labels.queue === GENERATION_QUEUE)).toBe(
      true,
    );
    expect(value(samples, 'bullmq_job_completed_total', { queue: GENERATION_QUEUE })).toBeGreaterThan(0);
    expect(samples.some((s) => s.name === 'spark_ingestion_backlog_entries')).toBe(true);
    expect(samples.some((s) => s.name === 'spark_ingestion_lag_seconds')).toBe(true);
    expect(
      value(samples, 'spark_worker_job_duration_seconds_count', { queue: GENERATION_QUEUE }),
    ).toBeGreaterThan(0);
  });

  it('has every Spark and BullMQ series the Grafana dashboard charts (the dashboard cannot chart a typo)', async () => {
    const dashboard = readFileSync(
      new URL('../../../../../docs/grafana/spark.json', import.meta.url),
      'utf8',
    );
    const charted = [...new Set(dashboard.match(/\b(?:spark|bullmq)_[a-z_]+/g) ?? [])];
    expect(charted.length).toBeGreaterThan(8);
    const served = new Set(
      [
        ...(await scrape(metricsUrl('METRICS_PORT'))),
        ...(await scrape(metricsUrl('WORKER_METRICS_PORT'))),
      ].map((sample) => sample.name),
    );
    expect(charted.filter((name) => !served.has(name))).toEqual([]);
  });

  it('Directus: /metrics answers an admin with its own series', async () => {
    const url = `${process.env.DIRECTUS_INTERNAL_URL}/metrics`;
    expect((await fetch(url)).status).toBe(403);
    const samples = await eventually(
      () => scrape(url, { authorization: `Bearer ${adminToken()}` }),
      (now) => now.some((s) => s.name.startsWith('directus_') && s.value > 0),
      20_000,
    );
    expect(samples.length).toBeGreaterThan(0);
  });
});
