import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { TRACKING_ENDPOINTS } from '../lib/server/analytics/tracking-endpoints.js';
import { trustProxy } from '../lib/server/api/client.js';
import { socketPeerStore } from '../lib/server/api/socket-peer.js';
import { serverEnv } from '../lib/server/env.js';
import { errorReply } from '../lib/server/http.js';
import { screenForwarding } from './forwarded.js';
import { callFromNode, sendReply } from './node-bridge.js';
import { setSecurityHeaders } from './security-headers.js';

/**
 * The frontend's production entry: one node:http server for every tenant host. The tracking endpoints — the only
 * ones called thousands of times a second — are answered here directly; everything else (pages, static files,
 * every other API route) goes to Astro's handler. `pnpm build` bundles it next to Astro's entry.mjs
 * (scripts/bundle-node-app.mjs).
 *
 * This bundle has its own copies of the modules the endpoints use (connections, tenant cache): they keep their
 * own Redis/PostgreSQL connections and subscribe to cache invalidations themselves, like a second instance.
 */
type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

async function loadAstroHandler(): Promise<NodeHandler> {
  // Astro's standalone entry starts its own server on import unless told not to.
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const entry = (await import(new URL('./entry.mjs', import.meta.url).href)) as { handler: NodeHandler };
  return entry.handler;
}

/** Answers a tracking call; false when the request is for someone else. */
function serveTracking(req: IncomingMessage, res: ServerResponse): boolean {
  const path = req.url?.split('?', 1)[0] ?? '';
  const endpoint = TRACKING_ENDPOINTS[path];
  const method = req.method === 'POST' || req.method === 'OPTIONS' ? req.method : undefined;
  if (!endpoint || !method) return false;
  setSecurityHeaders(req, res, production);
  endpoint[method](callFromNode(req))
    .then((reply) => sendReply(reply, res))
    // Endpoints answer their own errors in the envelope; this only catches a failure of the bridge itself.
    .catch((error: unknown) => (res.headersSent ? res.destroy() : sendReply(errorReply(error), res)));
  return true;
}

/** Everything but tracking: forwarding headers screened, then Astro with the socket peer in reach. */
function serveAstro(req: IncomingMessage, res: ServerResponse): void {
  const rejected = screenForwarding(req, trustProxy());
  setSecurityHeaders(req, res, production);
  if (rejected) sendReply(errorReply(rejected), res);
  else socketPeerStore.run(req.socket.remoteAddress ?? 'unknown', () => astro(req, res));
}

// An invalid TRUST_PROXY or a missing/invalid variable stops the server at boot, naming it, not at the first request.
trustProxy();
serverEnv();
const astro = await loadAstroHandler();
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '0.0.0.0';
const production = process.env.NODE_ENV === 'production';
const server = createServer((req, res) => {
  if (!serveTracking(req, res)) serveAstro(req, res);
});
server.listen(port, host, () => console.log(`Spark frontend listening on http://${host}:${port}`));

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
