import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  metricsSettingsFrom,
  REQUEST_ID_HEADER,
  requestIdFor,
  startMetricsServer,
} from '@spark/observability';
import { TRACKING_ENDPOINTS } from '../lib/server/analytics/tracking-endpoints.js';
import { trustProxy } from '../lib/server/api/client.js';
import { socketPeerStore } from '../lib/server/api/socket-peer.js';
import { trustsPeer } from '../lib/server/api/trust-proxy.js';
import { serverEnv } from '../lib/server/env.js';
import { errorReply } from '../lib/server/http.js';
import { httpRequestDuration } from '../lib/server/observability/http-metrics.js';
import { processLogger } from '../lib/server/observability/logger.js';
import { type RequestContext, requestContextStore } from '../lib/server/observability/request-context.js';
import { routeLabel } from '../lib/server/observability/route-pattern.js';
import { normalizeHost } from '../lib/server/tenancy/host.js';
import { serveCachedPage } from './cached-pages.js';
import { screenForwarding } from './forwarded.js';
import { callFromNode, sendReply } from './node-bridge.js';
import { setSecurityHeaders } from './security-headers.js';
import { hashedAssetName, hashedAssetServer } from './static-assets.js';

/**
 * The frontend's production entry: one node:http server for every tenant host. The tracking endpoints — the only
 * ones called thousands of times a second — are answered here directly, and so are the hashed build assets
 * (/_astro/*, precompressed at build time, cached immutably) and tenant pages the page cache holds (cached-pages.ts);
 * everything else (page misses, other static files, every other API route) goes to Astro's handler. `pnpm build`
 * bundles it next to Astro's entry.mjs (scripts/bundle-node-app.mjs).
 *
 * This bundle has its own copies of the modules the endpoints use (connections, tenant cache): they keep their
 * own Redis/PostgreSQL connections, like a second instance. What must be one per process is shared with Astro's
 * copies under global symbols: the page cache, the held site versions and the invalidation subscriber.
 */
type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

async function loadAstroHandler(): Promise<NodeHandler> {
  // Astro's standalone entry starts its own server on import unless told not to.
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const entry = (await import(new URL('./entry.mjs', import.meta.url).href)) as { handler: NodeHandler };
  return entry.handler;
}

/** Answers a tracking call; false when the request is for someone else. */
function serveTracking(req: IncomingMessage, res: ServerResponse, context: RequestContext): boolean {
  const path = req.url?.split('?', 1)[0] ?? '';
  const endpoint = TRACKING_ENDPOINTS[path];
  const method = req.method === 'POST' || req.method === 'OPTIONS' ? req.method : undefined;
  if (!endpoint || !method) return false;
  context.route = path;
  setSecurityHeaders(req, res, production);
  endpoint[method](callFromNode(req))
    .then((reply) => sendReply(reply, res))
    // Endpoints answer their own errors in the envelope; this only catches a failure of the bridge itself.
    .catch((error: unknown) => (res.headersSent ? res.destroy() : sendReply(errorReply(error), res)));
  return true;
}

/** A hashed build asset from memory; false when the request is for someone else or names no such file. */
function serveAsset(req: IncomingMessage, res: ServerResponse, context: RequestContext): boolean {
  const name = hashedAssetName(req);
  if (!name) return false;
  setSecurityHeaders(req, res, production);
  serveHashedAsset(req, res, name)
    .then((served) => served || serveCachedOrAstro(req, res, context))
    .catch(() => (res.headersSent ? res.destroy() : serveCachedOrAstro(req, res, context)));
  return true;
}

/**
 * Everything but tracking and assets: forwarding headers screened, then a page-cache hit answered here, or Astro
 * with the socket peer in reach.
 */
function serveCachedOrAstro(req: IncomingMessage, res: ServerResponse, context: RequestContext): void {
  const rejected = screenForwarding(req, trustProxy());
  setSecurityHeaders(req, res, production);
  if (rejected) {
    sendReply(errorReply(rejected), res);
    return;
  }
  const toAstro = () => socketPeerStore.run(req.socket.remoteAddress ?? 'unknown', () => astro(req, res));
  // A failed lookup (PostgreSQL down while resolving the host) is Astro's to answer, as before.
  const failed = (error: unknown) => {
    logger.warn({ err: error, reqId: context.requestId }, 'cached page lookup failed');
    if (res.headersSent) res.destroy();
    else toAstro();
  };
  let served: boolean | Promise<boolean>;
  try {
    served = serveCachedPage(req, res, context, platformHost);
  } catch (error) {
    failed(error);
    return;
  }
  if (served === false) toAstro();
  else if (served !== true) served.then((answered) => answered || toAstro(), failed);
}

/**
 * Every request gets an id (a trusted proxy's valid `X-Request-Id`, else a fresh one), echoed in the response,
 * carried to Directus calls and enqueued jobs, and one log line and one latency observation when it ends.
 */
function observe(req: IncomingMessage, res: ServerResponse, handle: (context: RequestContext) => void): void {
  const started = performance.now();
  const fromProxy = trustsPeer(trustProxy(), req.socket.remoteAddress);
  const context: RequestContext = { requestId: requestIdFor(req.headers[REQUEST_ID_HEADER], fromProxy) };
  res.setHeader(REQUEST_ID_HEADER, context.requestId);
  res.once('close', () => {
    const seconds = (performance.now() - started) / 1000;
    const status = res.statusCode;
    const route = routeLabel(context.route, status);
    const method = req.method ?? 'GET';
    httpRequestDuration.observe({ method, route, status: String(status) }, seconds);
    const line = {
      reqId: context.requestId,
      method,
      route,
      path: req.url?.split('?', 1)[0],
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
      ...(context.answeredBy ? { answeredBy: context.answeredBy } : {}),
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (status >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  });
  requestContextStore.run(context, () => handle(context));
}

const logger = processLogger();
// An invalid TRUST_PROXY or a missing/invalid variable stops the server at boot, naming it, not at the first request.
trustProxy();
serverEnv();
const metrics = await startMetricsServer({
  settings: metricsSettingsFrom(process.env, 'METRICS_PORT', 9464),
  logger,
});
const astro = await loadAstroHandler();
// The bundle sits in <outDir>/server, Astro's client build in <outDir>/client.
const serveHashedAsset = hashedAssetServer(fileURLToPath(new URL('../client/', import.meta.url)));
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '0.0.0.0';
const production = process.env.NODE_ENV === 'production';
const platformHost = normalizeHost(serverEnv().PUBLIC_PLATFORM_HOST);
const server = createServer((req, res) =>
  observe(req, res, (context) => {
    if (!serveTracking(req, res, context) && !serveAsset(req, res, context))
      serveCachedOrAstro(req, res, context);
  }),
);
server.listen(port, host, () =>
  logger.info({ host, port }, `Spark frontend listening on http://${host}:${port}`),
);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    void metrics.close();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
