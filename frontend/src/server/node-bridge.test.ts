import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorReply, jsonReply } from '../lib/server/http.js';
import { callFromNode, sendReply } from './node-bridge.js';

const LIMIT = 64;
let server: Server;
let base: string;

beforeAll(async () => {
  // Echoes what the endpoint saw: method, path, a header looked up in another case, the peer, the body.
  server = createServer((req, res) => {
    const call = callFromNode(req);
    call
      .readBody(LIMIT)
      .then((body) =>
        jsonReply({
          method: call.method,
          path: call.url.pathname,
          query: call.url.searchParams.get('q'),
          agent: call.headers.get('User-Agent'),
          missing: call.headers.get('x-missing'),
          peer: call.clientAddress,
          body,
        }),
      )
      .catch((error: unknown) => errorReply(error))
      .then((reply) => sendReply(reply, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('node-bridge', () => {
  it('hands the endpoint the method, URL, headers (any case), peer and body', async () => {
    const response = await fetch(`${base}/api/track/event?q=1`, {
      method: 'POST',
      headers: { 'user-agent': 'Bridge/1.0' },
      body: 'héllo',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(
      String(Buffer.byteLength(await response.clone().text())),
    );
    expect(await response.json()).toEqual({
      method: 'POST',
      path: '/api/track/event',
      query: '1',
      agent: 'Bridge/1.0',
      missing: null,
      peer: '127.0.0.1',
      body: 'héllo',
    });
  });

  it('refuses a body past the limit with 413, even when no Content-Length announces it', async () => {
    const oversized = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('x'.repeat(LIMIT + 1)));
        controller.close();
      },
    });
    const response = await fetch(`${base}/`, {
      method: 'POST',
      body: oversized,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
