import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { freePort } from '@spark/devstack/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, callApi, isErrorEnvelope } from '../testing/http.js';

const HEALTH_TOKEN = 'health-probe-token-for-outage-tests';

/**
 * With PostgreSQL down the frontend answers 503 with the error envelope, and recovers without a restart. A second frontend reaches
 * PostgreSQL through a TCP relay this test controls: closing the relay is an outage (listener gone, open
 * connections cut), reopening it is the database coming back. The frontend process is never restarted.
 */
const database = new URL(process.env.DATABASE_URL ?? '');
const entry = join(process.env.SPARK_FRONTEND_OUT_DIR ?? 'dist', 'server/main.mjs');

/** A minimal TCP relay to PostgreSQL that can be switched off and on. */
function createRelay(listenPort: number) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  return {
    async open() {
      server = createServer((client) => {
        const upstream = connect(Number(database.port || 5432), database.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      await new Promise<void>((done) => server?.listen(listenPort, '127.0.0.1', done));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    },
  };
}

let frontend: ChildProcess;
let url = '';
let relayPort = 0;
let relay: ReturnType<typeof createRelay>;

beforeAll(async () => {
  relayPort = await freePort();
  relay = createRelay(relayPort);
  await relay.open();
  const port = await freePort();
  const viaRelay = new URL(database.href);
  viaRelay.hostname = '127.0.0.1';
  viaRelay.port = String(relayPort);
  frontend = spawn(process.execPath, [entry], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: viaRelay.href, HEALTH_TOKEN },
    stdio: 'ignore',
  });
  url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (
      await fetch(`${url}/api/health`).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the second frontend did not start');
});

afterAll(async () => {
  frontend?.kill('SIGTERM');
  await relay?.close();
});

// The monitoring token: health names the failing dependency only to it (or to an admin).
const health = () => callApi<{ status?: string }>('/api/health', { baseUrl: url, token: HEALTH_TOKEN });
const worklog = () => callApi('/api/admin/worklog?limit=1', { baseUrl: url, token: adminToken() });

async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

describe('a PostgreSQL outage', () => {
  it('answers 503 in the envelope while the database is down and recovers without a restart', async () => {
    expect((await health()).status).toBe(200);
    expect((await worklog()).status).toBe(200);

    await relay.close();
    const down = await health();
    expect(down.status).toBe(503);
    expect(isErrorEnvelope(down.body)).toBe(true);
    expect(JSON.stringify(down.body)).toContain('postgres');
    const refused = await worklog();
    expect(refused.status).toBe(503);
    expect(isErrorEnvelope(refused.body)).toBe(true);
    expect((refused.body as { error: { code: string } }).error.code).toBe('SERVICE_UNAVAILABLE');

    await relay.open();
    expect(await eventually(async () => (await health()).status === 200, 10_000)).toBe(true);
    expect((await worklog()).status).toBe(200);
    expect(frontend.exitCode).toBeNull();
  }, 30_000);
});
