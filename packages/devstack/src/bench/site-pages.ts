import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPool, type Pool } from '@spark/db';
import { prerenderPage } from '@spark/jobs';
import { freePort, startService, stopServices, waitForHttp } from '../processes.js';
import { measureArticleReads } from './article-reads.js';
import type { BenchContext, Benchmark } from './harness.js';
import { recordAnswer, startSameBytesServer } from './same-bytes-server.js';

const run = promisify(execFile);
const DURATION_S = 10;
const CONNECTIONS = 50;
const THREADS = 2;
/** Distinct article URLs for the uncached run: far more than it can request, so no URL is ever asked twice. */
const UNCACHED_ARTICLES = 60_000;
const ARTICLE_PREFIX = 'bench-uncached-';
/**
 * Article pages rendered ahead (at publish) for (s), from the top of the slug range, which (b) reaches only
 * beyond 1,200 cold pages a second.
 */
const PRERENDERED_ARTICLES = 24_000;
/** wrk cannot end a run early (a stopped thread still waits out the duration): short enough for no repeats. */
const PRERENDERED_SECONDS = 3;
/** siteVersionKey and INVALIDATION_CHANNEL of @spark/contracts (not a dependency of this package). */
const versionKey = (siteId: string) => `spark:cache:site:${siteId}:version`;
const INVALIDATION_CHANNEL = 'spark:invalidate';

/** `done` prints one JSON line the harness parses; `path` is a fixed URL unless the script overrides requests. */
export const RESULT_REPORTER = `
done = function(summary, latency, requests)
  io.write(string.format('\\nRESULT {"requests":%d,"duration_us":%d,"non2xx":%d,"socket_errors":%d,"bytes":%d,"p50_us":%d,"p99_us":%d}\\n',
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.bytes, latency:percentile(50), latency:percentile(99)))
end`;

const FIXED_URL_SCRIPT = `wrk.headers["Host"] = "alpha.localhost"\n${RESULT_REPORTER}`;
const BROTLI_SCRIPT = `wrk.headers["Accept-Encoding"] = "br, gzip"\n${FIXED_URL_SCRIPT}`;

/**
 * Each wrk thread walks its own range of article slugs, one new URL per request: every request misses the
 * rendered-page cache and the content cache and reads its article from the database, as the first visit to
 * a page does (a crawler walking a long-tail site).
 */
const UNCACHED_SCRIPT = `
local threads = 0
function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end
local next_article = 0
local span = ${Math.floor(UNCACHED_ARTICLES / THREADS)}
wrk.headers["Host"] = "alpha.localhost"
request = function()
  next_article = next_article + 1
  return wrk.format("GET", "/${ARTICLE_PREFIX}" .. (thread_index * span + next_article % span))
end
${RESULT_REPORTER}`;

/** Each wrk thread walks its own share of a slug list (one article URL per line), one new URL per request. */
export function slugWalkScript(slugFile: string, host: string): string {
  return `
local threads = 0
function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end
local slugs = {}
for line in io.lines("${slugFile}") do slugs[#slugs + 1] = line end
local next_slug = 0
wrk.headers["Host"] = "${host}"
request = function()
  local span = math.floor(#slugs / 2)
  next_slug = next_slug + 1
  return wrk.format("GET", "/" .. slugs[(thread_index or 0) * span + (next_slug % span) + 1])
end
${RESULT_REPORTER}`;
}

export interface WrkResult {
  requests: number;
  duration_us: number;
  non2xx: number;
  socket_errors: number;
  bytes: number;
  p50_us: number;
  p99_us: number;
}

export async function wrk(dir: string, name: string, script: string, url: string, seconds = DURATION_S) {
  const file = join(dir, `${name}.lua`);
  writeFileSync(file, script);
  // A generous timeout keeps slow answers in the latency figures instead of dropping them as errors.
  const args = [
    `-t${THREADS}`,
    `-c${CONNECTIONS}`,
    `-d${seconds}s`,
    '--timeout',
    '10s',
    '--latency',
    '-s',
    file,
    url,
  ];
  const { stdout } = await run('wrk', args, { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.split('RESULT ')[1]?.trim() ?? '{}') as WrkResult;
}

/** A GET with the tenant in the Host header (fetch would drop it). */
function getText(port: number, path: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get({ hostname: '127.0.0.1', port, path, headers: { host } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => resolve(text));
    }).on('error', reject);
  });
}

/** Bytes on the wire (the body as sent, not decoded) for one Accept-Encoding. */
function wireBytes(port: number, path: string, host: string, acceptEncoding?: string): Promise<number> {
  const headers = acceptEncoding ? { host, 'accept-encoding': acceptEncoding } : { host };
  return new Promise((resolve, reject) => {
    get({ hostname: '127.0.0.1', port, path, headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on('end', () => resolve(bytes));
    }).on('error', reject);
  });
}

/** What the Directus cache-bust hook does on a content change: new version, invalidation published. */
async function bumpSiteVersion(redisPort: string, siteId: string): Promise<void> {
  await run('redis-cli', ['-p', redisPort, 'incr', versionKey(siteId)]);
  const message = JSON.stringify({ siteId, collection: 'generated_articles', hostsChanged: false });
  await run('redis-cli', ['-p', redisPort, 'publish', INVALIDATION_CHANNEL, message]);
}

async function insertBenchArticles(pool: Pool, siteId: string): Promise<void> {
  const body = Array.from(
    { length: 12 },
    (_, i) => `<h2>Section ${i + 1}</h2><p>Practical roofing advice for homeowners, paragraph ${i + 1}.</p>`,
  ).join('');
  await pool.query(
    `insert into generated_articles (site_id, title, slug, html_content, excerpt, status, published_at, generation_key)
     select $1, 'Roof repair guide ' || n, $2 || n, $3, 'A local guide.', 'published', now(), 'bench:' || $2 || n
     from generate_series(0, $4 - 1) as n
     on conflict do nothing`,
    [siteId, ARTICLE_PREFIX, body, UNCACHED_ARTICLES],
  );
}

/**
 * wrk against a plain node:http server answering with the bytes and headers the frontend sent for the cached
 * page (recorded once), with the same settings as the runs against the frontend.
 */
async function sameBytesRun(
  dir: string,
  frontendPort: number,
  headers: Record<string, string>,
  script: string,
): Promise<WrkResult> {
  const answer = await recordAnswer(frontendPort, '/', { host: 'alpha.localhost', ...headers });
  const server = await startSameBytesServer(answer);
  try {
    return await wrk(dir, 'same-bytes', script, `${server.url}/`);
  } finally {
    await server.close();
  }
}

export function reportRun(report: BenchContext['report'], label: string, result: WrkResult): number {
  const rps = result.requests / (result.duration_us / 1e6);
  const failures = result.non2xx + result.socket_errors;
  report(`${label}: requests/s`, rps, 'req/s', failures > 0 ? `${failures} failed` : undefined);
  report(`${label}: latency p50`, result.p50_us / 1000, 'ms');
  report(`${label}: latency p99`, result.p99_us / 1000, 'ms');
  report(`${label}: bytes per response`, result.bytes / Math.max(1, result.requests), 'B');
  return rps;
}

/**
 * Tenant page serving, one frontend process, wrk on loopback at 50 connections: (a) a cached page (rendered
 * once, then served from the in-process page cache by the node:http entry), (b) cold distinct article pages
 * (each request an article URL never rendered: article read + SSR + cache fill), (e) one cached article page,
 * (c) a static file from the same server. Bodies are uncompressed (wrk sends no Accept-Encoding), so a/c
 * compares serving work, not compression; (a') repeats (a) with the Brotli body a browser would get. (p)/(p')
 * are the ceiling for (a)/(a'): a plain node:http server in this process sending the same recorded status,
 * headers and bytes from memory. (d) compares the article read behind (b) done three ways on the same data
 * (Directus REST, SQL, SQL batched).
 */
async function runSitePagesBench({ repoRoot, stack, report }: BenchContext): Promise<void> {
  const env = stack.env;
  const port = await freePort();
  // SPARK_BENCH_PROFILE=<dir>: the frontend writes a V8 CPU profile there when it stops (open it in Chrome's
  // DevTools or speedscope), to see where a page's time goes.
  const profileDir = process.env.SPARK_BENCH_PROFILE;
  const frontend = startService(
    {
      name: 'bench-site-frontend',
      command: process.execPath,
      args: [
        ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
        join(env.SPARK_FRONTEND_OUT_DIR ?? join(repoRoot, 'frontend/dist'), 'server/main.mjs'),
      ],
      cwd: repoRoot,
      env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    },
    { echo: false },
  );
  const dir = mkdtempSync(join(tmpdir(), 'spark-bench-site-'));
  const pool = createPool(env.DATABASE_URL ?? '', { max: 2 });
  const redisPort = new URL(env.REDIS_URL ?? '').port;
  const url = `http://127.0.0.1:${port}`;
  const { rows } = await pool.query<{ id: string }>(`select id from sites where domain = 'alpha.localhost'`);
  const siteId = rows[0]?.id ?? '';
  try {
    await waitForHttp(`${url}/api/health`, frontend, 60_000);
    const home = await getText(port, '/', 'alpha.localhost');
    const stylesheet = /href="(\/_astro\/[^"]+\.css)"/.exec(home)?.[1];
    if (!stylesheet) throw new Error('the home page links no stylesheet to use as the static file');
    // Hashed assets are precompressed at build time; the browser gets the Brotli sibling.
    const [identityBytes, brBytes, gzipBytes] = await Promise.all(
      [undefined, 'br', 'gzip'].map((coding) => wireBytes(port, stylesheet, 'alpha.localhost', coding)),
    );
    report(
      'stylesheet on the wire: identity / br / gzip',
      identityBytes ?? 0,
      'B',
      `br ${brBytes} B, gzip ${gzipBytes} B`,
    );
    // The demo hero as the original JPEG against its 1280 px variants on the image ladder.
    const heroVariant = (format: string) => {
      const path = new RegExp(`/_astro/hero-crew\\.[\\w-]+\\.w1280\\.${format}`).exec(home)?.[0];
      if (!path) throw new Error(`the home page offers no 1280 px ${format} of the hero`);
      return path;
    };
    const [heroJpeg, heroAvif, heroWebp, heroLadderJpeg] = await Promise.all(
      ['/brand/alpha/hero-crew.jpg', heroVariant('avif'), heroVariant('webp'), heroVariant('jpg')].map(
        (path) => wireBytes(port, path, 'alpha.localhost'),
      ),
    );
    report(
      'hero image: original JPEG',
      heroJpeg ?? 0,
      'B',
      `at 1280 px: AVIF ${heroAvif} B, WebP ${heroWebp} B, JPEG ${heroLadderJpeg} B`,
    );

    await wrk(dir, 'warm', FIXED_URL_SCRIPT, `${url}/`, 3);
    const cachedRun = await wrk(dir, 'cached', FIXED_URL_SCRIPT, `${url}/`);
    const cached = reportRun(report, '(a) cached page /', cachedRun);
    const plain = await sameBytesRun(dir, port, {}, FIXED_URL_SCRIPT);
    const plainRps = reportRun(report, '(p) plain node:http, same bytes as (a)', plain);
    const statics = reportRun(
      report,
      `(c) static ${stylesheet.slice(0, 24)}…`,
      await wrk(dir, 'static', FIXED_URL_SCRIPT, `${url}${stylesheet}`),
    );

    const cachedBr = reportRun(
      report,
      "(a') cached page /, Brotli like a browser",
      await wrk(dir, 'cached-br', BROTLI_SCRIPT, `${url}/`),
    );
    const plainBr = reportRun(
      report,
      "(p') plain node:http, same bytes as (a')",
      await sameBytesRun(dir, port, { 'accept-encoding': 'br, gzip' }, BROTLI_SCRIPT),
    );
    report('ratio a/p (cached page vs same bytes)', cached / plainRps, 'ratio', 'target ≥ 0.5');
    report("ratio a'/p' (Brotli cached page vs same bytes)", cachedBr / plainBr, 'ratio', 'target ≥ 0.5');
    report(
      '(a) cached page p99 vs (p) plain p99',
      cachedRun.p99_us / 1000,
      'ms',
      `plain ${(plain.p99_us / 1000).toFixed(2)} ms; target < 15 ms`,
    );

    await insertBenchArticles(pool, siteId);
    await bumpSiteVersion(redisPort, siteId);
    // The first article page after a change also reads the site's article list and builds its area tree
    // (kept until the next change); timed on its own so (b) measures what each further cold page costs.
    const firstStarted = performance.now();
    await getText(port, `/${ARTICLE_PREFIX}0`, 'alpha.localhost');
    report(
      '(b0) first article page after a change',
      performance.now() - firstStarted,
      'ms',
      'builds the area tree',
    );
    const uncached = await wrk(dir, 'uncached', UNCACHED_SCRIPT, url);
    const cold = reportRun(report, '(b) cold distinct article pages', uncached);
    if (uncached.requests > UNCACHED_ARTICLES)
      report('(b) repeated URLs (cache hits)', uncached.requests - UNCACHED_ARTICLES, 'req');
    const cachedArticle = reportRun(
      report,
      '(e) cached article page',
      await wrk(dir, 'cached-article', FIXED_URL_SCRIPT, `${url}/${ARTICLE_PREFIX}0`),
    );
    report('ratio a/c (cached page vs static file)', cached / statics, 'ratio', 'target ≥ 0.5');
    report('ratio b/a (cold article vs cached page)', cold / cached, 'ratio', 'target ≥ 0.2');
    report('ratio b/e (cold vs cached article page)', cold / cachedArticle, 'ratio');

    // (s) The same kind of never-requested article page, rendered ahead into the render store the way the
    // worker does at publish (a prerender request: stored, not kept in memory), then requested once each.
    const ahead = Array.from(
      { length: PRERENDERED_ARTICLES },
      (_, n) => `${ARTICLE_PREFIX}${UNCACHED_ARTICLES - 1 - n}`,
    );
    const renderStarted = performance.now();
    const target = { frontendUrl: url, publicOrigin: 'http://*' };
    let nextPage = 0;
    const lane = async () => {
      for (let slug = ahead[nextPage++]; slug; slug = ahead[nextPage++])
        await prerenderPage(target, { domain: 'alpha.localhost', path: `/${slug}` });
    };
    await Promise.all(Array.from({ length: 4 }, lane));
    report(
      '(s0) rendering ahead (at publish), 4 at a time',
      PRERENDERED_ARTICLES / ((performance.now() - renderStarted) / 1000),
      'pages/s',
      `${PRERENDERED_ARTICLES} pages`,
    );
    const slugFile = join(dir, 'ahead.txt');
    writeFileSync(slugFile, `${ahead.join('\n')}\n`);
    const storedRun = await wrk(
      dir,
      'stored',
      slugWalkScript(slugFile, 'alpha.localhost'),
      url,
      PRERENDERED_SECONDS,
    );
    const stored = reportRun(report, '(s) cold distinct article pages, rendered at publish', storedRun);
    if (storedRun.requests > PRERENDERED_ARTICLES) {
      // The walk wrapped around: repeated URLs were memory hits. Every prerendered page was still answered from
      // the store within the run, which bounds the store's own rate from below.
      report('(s) repeated URLs (memory hits)', storedRun.requests - PRERENDERED_ARTICLES, 'req');
      report(
        '(s) distinct pages from the store, at least',
        PRERENDERED_ARTICLES / (storedRun.duration_us / 1e6),
        'req/s',
        'all of them answered within the run',
      );
    }
    report('ratio s/a (cold rendered at publish vs cached page)', stored / cached, 'ratio', 'target ≥ 0.2');
    report('ratio s/b (rendered at publish vs rendered on request)', stored / cold, 'ratio');

    // Slugs the cold run never reached, one distinct set per read path.
    const unread = (offset: number) =>
      Array.from(
        { length: 600 },
        (_, n) => `${ARTICLE_PREFIX}${UNCACHED_ARTICLES / THREADS - 1 - offset - n}`,
      );
    const reads = await measureArticleReads(
      pool,
      { url: env.DIRECTUS_INTERNAL_URL ?? '', token: env.DIRECTUS_READ_TOKEN ?? '' },
      siteId,
      [unread(0).slice(0, 300), unread(600), unread(1200)],
    );
    const failed = reads.directusFailures > 0 ? `, ${reads.directusFailures} failed` : '';
    report('(d) article reads: Directus REST', reads.directus, 'items/s', `the old read path${failed}`);
    report('(d) article reads: SQL, one per article', reads.sql, 'items/s', 'the read path of (b)');
    report('(d) article reads: SQL, 50 per statement', reads.sqlBatched, 'items/s');
    report('ratio SQL/Directus article reads', reads.sql / reads.directus, 'ratio');
  } finally {
    await pool.query(`delete from generated_articles where generation_key like 'bench:${ARTICLE_PREFIX}%'`);
    if (siteId) await bumpSiteVersion(redisPort, siteId);
    await pool.end();
    rmSync(dir, { recursive: true, force: true });
    await stopServices([frontend]);
  }
}

export const sitePagesBenchmark: Benchmark = { name: 'site-pages', run: runSitePagesBench };
