import { execFile, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPool, type Pool } from '@spark/db';
import { freePort, startService, stopServices, waitForHttp } from '../processes.js';
import type { BenchContext, Benchmark } from './harness.js';

const run = promisify(execFile);
const DURATION_S = 20;
const CONNECTIONS = 32;
const DRAIN_EVENTS = 50_000;
/** ANALYTICS_STREAM of @spark/contracts (not a dependency of this package). */
const STREAM = 'spark:analytics:events';

// Each request is a distinct visitor (random documentation-range X-Forwarded-For, trusted by this frontend as
// it would be behind the reverse proxy) on one of 500 pages. `done` prints one JSON line for the harness.
const PAGEVIEW_SCRIPT = `
local n = 0
wrk.method = "POST"
wrk.headers["Host"] = "alpha.localhost"
wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"
wrk.headers["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"
request = function()
  n = n + 1
  wrk.headers["X-Forwarded-For"] = string.format("198.51.%d.%d", math.random(0, 255), math.random(1, 254))
  local body = string.format('{"url":"http://alpha.localhost/bench/%d?utm_source=bench","referrer":"https://www.google.com/"}', n % 500)
  return wrk.format(nil, "/api/track/pageview", nil, body)
end`;
const REPORT = `
done = function(summary, latency, requests)
  io.write(string.format('\\nRESULT {"requests":%d,"duration_us":%d,"non2xx":%d,"socket_errors":%d,"p50_us":%d,"p99_us":%d}\\n',
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end`;
// For scale: a GET of a cached string through Astro's router and middleware in the same process (tracking calls
// skip Astro: frontend/src/server/main.ts answers them straight from node:http).
const NOOP_SCRIPT = `wrk.headers["Host"] = "localhost"\nwrk.path = "/js/site.js"`;

interface WrkResult {
  requests: number;
  duration_us: number;
  non2xx: number;
  socket_errors: number;
  p50_us: number;
  p99_us: number;
}

async function wrk(
  dir: string,
  name: string,
  script: string,
  url: string,
  seconds: number,
): Promise<WrkResult> {
  const file = join(dir, `${name}.lua`);
  writeFileSync(file, script + REPORT);
  const args = ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', '-s', file, url];
  const { stdout } = await run('wrk', args);
  return JSON.parse(stdout.split('RESULT ')[1]?.trim() ?? '{}') as WrkResult;
}

const countRows = async (pool: Pool, pathPrefix: string) =>
  Number(
    (
      await pool.query<{ n: string }>(
        `select count(*) as n from pageviews p join sites s on s.id = p.site_id
         where s.domain = 'alpha.localhost' and p.path like $1`,
        [`${pathPrefix}%`],
      )
    ).rows[0]?.n ?? 0,
  );

async function waitForDrain(redisPort: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while ((await run('redis-cli', ['-p', redisPort, 'xlen', STREAM])).stdout.trim() !== '0') {
    if (Date.now() > deadline) throw new Error('the ingestion backlog did not drain within 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Appends events exactly as the frontend does (fields `e` and `s`) with redis-cli --pipe, as fast as it can. */
async function appendDirectly(redisPort: string, siteId: string, count: number): Promise<void> {
  const resp = (args: string[]) =>
    `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
  const commands: string[] = [];
  for (let i = 0; i < count; i++) {
    const event = {
      kind: 'pageview',
      event_id: randomUUID(),
      occurred_at: new Date().toISOString(),
      site_id: siteId,
      visitor_hash: randomBytes(16).toString('hex'),
      url: `http://alpha.localhost/drain/${i % 500}`,
      path: `/drain/${i % 500}`,
      referrer_host: null,
      utm_source: null,
      utm_medium: null,
      utm_campaign: null,
      utm_term: null,
      utm_content: null,
      device: 'desktop',
      browser: 'Chrome',
      os: 'Linux',
    };
    commands.push(resp(['XADD', STREAM, '*', 'e', JSON.stringify(event), 's', 'bench']));
  }
  const child = spawn('redis-cli', ['-p', redisPort, '--pipe'], { stdio: ['pipe', 'ignore', 'inherit'] });
  child.stdin.end(commands.join(''));
  await new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(code) : reject(code))),
  );
}

/**
 * Tracking: accepted pageviews/s and latency on loopback against one frontend process (wrk), compared with the
 * same process's no-op GET through Astro; then the ingestion consumer's own capacity (a 50,000-event backlog → rows/s).
 */
async function runTrackingBench({ repoRoot, stack, report }: BenchContext): Promise<void> {
  const env = stack.env;
  const port = await freePort();
  const frontend = startService(
    {
      name: 'bench-frontend',
      command: process.execPath,
      args: [join(env.SPARK_FRONTEND_OUT_DIR ?? join(repoRoot, 'frontend/dist'), 'server/main.mjs')],
      cwd: repoRoot,
      env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port), TRUST_PROXY: 'loopback' },
    },
    { echo: false },
  );
  const dir = mkdtempSync(join(tmpdir(), 'spark-bench-'));
  const pool = createPool(env.DATABASE_URL ?? '', { max: 2 });
  const redisPort = new URL(env.REDIS_URL ?? '').port;
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/api/health`, frontend, 60_000);
    await wrk(dir, 'warmup', PAGEVIEW_SCRIPT, url, 3); // JIT, pools, tenant and settings caches
    await wrk(dir, 'noop-warmup', NOOP_SCRIPT, url, 2);
    await waitForDrain(redisPort);
    const noop = await wrk(dir, 'noop', NOOP_SCRIPT, url, 10);
    const before = await countRows(pool, '/bench/');
    const started = Date.now();
    const load = await wrk(dir, 'pageview', PAGEVIEW_SCRIPT, url, DURATION_S);
    const loadEnded = Date.now();
    const load1 = loadavg()[0] ?? 0;
    await waitForDrain(redisPort);
    const drained = Date.now();
    const rows = (await countRows(pool, '/bench/')) - before;
    const accepted = load.requests - load.non2xx;
    const perSecond = accepted / (load.duration_us / 1e6);
    const noopPerSecond = noop.requests / (noop.duration_us / 1e6);
    report(
      'accepted pageviews/s (1 frontend process)',
      perSecond,
      'events/s',
      `${CONNECTIONS} connections; target ≥ 5,000`,
    );
    report(
      'latency p50 / p99',
      load.p50_us / 1000,
      'ms',
      `p99 ${(load.p99_us / 1000).toFixed(1)} ms; target < 20`,
    );
    report(
      'no-op GET through Astro, same process',
      noopPerSecond,
      'req/s',
      `p99 ${(noop.p99_us / 1000).toFixed(1)} ms`,
    );
    report('tracking / Astro no-op throughput', perSecond / noopPerSecond, 'ratio');
    report('rejected or failed requests', load.non2xx + load.socket_errors, 'requests');
    report('rows in PostgreSQL / accepted', rows / Math.max(1, accepted), 'ratio', 'must be 1.00');
    report('end-to-end rows/s (load start → last row)', rows / ((drained - started) / 1000), 'rows/s');
    report('backlog drain after the load stopped', (drained - loadEnded) / 1000, 's');
    report(
      'machine load average (1 min) during the run',
      load1,
      'on 2 cores',
      'shared machines inflate latency',
    );

    const { rows: alpha } = await pool.query<{ id: string }>(
      `select id from sites where domain = 'alpha.localhost'`,
    );
    const drainStart = Date.now();
    await appendDirectly(redisPort, alpha[0]?.id ?? '', DRAIN_EVENTS);
    await waitForDrain(redisPort);
    const drainRows = await countRows(pool, '/drain/');
    report(
      'ingestion capacity (50,000-event backlog)',
      drainRows / ((Date.now() - drainStart) / 1000),
      'rows/s',
    );
  } finally {
    await pool.end();
    await stopServices([frontend]);
    rmSync(dir, { recursive: true, force: true });
  }
}

export const trackingBenchmark: Benchmark = { name: 'tracking', run: runTrackingBench };
