import type { IncomingMessage, ServerResponse } from 'node:http';
import { payloadTooLarge } from '../lib/server/api/body.js';
import type { EndpointCall, EndpointReply, HeaderReader } from '../lib/server/api/endpoint.js';

/**
 * node:http ⇄ endpoint calls, with no Web Request/Response in between: on the tracking hot path, building
 * those (streams, abort signals, header lists) cost more than the endpoint's own work.
 */
function headerReader(incoming: IncomingMessage): HeaderReader {
  return {
    get(name) {
      const value = incoming.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** Reads the body until it ends or passes `limit`; past it, stops reading (the reply then closes the connection). */
function readBody(incoming: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        incoming.off('data', onData);
        incoming.pause();
        reject(payloadTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    incoming.on('data', onData);
    incoming.once('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
    incoming.once('error', reject);
  });
}

export function callFromNode(incoming: IncomingMessage): EndpointCall {
  const headers = headerReader(incoming);
  return {
    method: incoming.method ?? 'GET',
    url: new URL(incoming.url ?? '/', 'http://localhost'),
    headers,
    clientAddress: incoming.socket.remoteAddress ?? 'unknown',
    readBody: (limit) => readBody(incoming, limit),
  };
}

export function sendReply(reply: EndpointReply, outgoing: ServerResponse): void {
  const body = reply.body ?? '';
  outgoing.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(body) });
  outgoing.end(body);
}
