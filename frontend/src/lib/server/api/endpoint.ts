/**
 * Endpoints as plain functions from a call to a reply, independent of who received the request: Astro's
 * routes adapt them with `astro-adapter.ts`, and the lean tracking server (frontend/src/server) with its
 * node:http bridge. Nothing here knows about Astro or node:http.
 */

/** Case-insensitive header lookup: a Web `Headers` satisfies it, and so does a view over node's headers. */
export interface HeaderReader {
  get(name: string): string | null;
}

export interface EndpointCall {
  method: string;
  url: URL;
  headers: HeaderReader;
  /** The peer's socket address ('unknown' when the server cannot tell). */
  clientAddress: string;
  /** The body as UTF-8 text; throws PAYLOAD_TOO_LARGE as soon as it passes `limit` bytes, without reading on. */
  readBody(limit: number): Promise<string>;
}

export interface EndpointReply {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

export type Endpoint = (call: EndpointCall) => Promise<EndpointReply>;
