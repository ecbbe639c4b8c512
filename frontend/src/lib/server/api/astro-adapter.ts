import type { APIContext, APIRoute } from 'astro';
import { payloadTooLarge } from './body.js';
import type { Endpoint, EndpointCall, EndpointReply } from './endpoint.js';
import { currentSocketPeer } from './socket-peer.js';

/** Streams a Web request body, stopping as soon as it passes `limit` bytes. */
async function readWebBody(request: Request, limit: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function callFromAstro(context: Pick<APIContext, 'request' | 'url' | 'clientAddress'>): EndpointCall {
  const { request } = context;
  // The socket peer from the node:http entry, never Astro's `clientAddress` (read from X-Forwarded-For
  // unconditionally). Only the dev server, which has no such entry, falls back to it.
  let clientAddress = currentSocketPeer();
  if (clientAddress === undefined) {
    try {
      clientAddress = import.meta.env?.DEV ? context.clientAddress : 'unknown';
    } catch {
      clientAddress = 'unknown'; // Astro throws when the adapter cannot tell
    }
  }
  return {
    method: request.method,
    url: context.url,
    headers: request.headers,
    clientAddress,
    readBody: (limit) => readWebBody(request, limit),
  };
}

export function toWebResponse(reply: EndpointReply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}

export const astroRoute =
  (endpoint: Endpoint): APIRoute =>
  async (context) =>
    toWebResponse(await endpoint(callFromAstro(context)));
