import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { contractViolation } from './contract.js';

/**
 * Test helpers for calling the running frontend exactly as a client would (no in-process shortcuts).
 * They use node:http, not fetch: fetch silently drops a `Host` header, and tenant tests depend on it.
 * `callApi` also fails the test when an answer breaks its route's contract (see contract.ts).
 */
export interface ApiAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiRequest {
  method?: string;
  token?: string;
  /** The tenant host to act as (Node cannot resolve *.localhost, so it goes in the Host header). */
  host?: string;
  json?: unknown;
  /** A raw body, sent as is with `contentType`. */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Another frontend than the stack's (tests that start their own server). */
  baseUrl?: string;
  /**
   * The loopback address to connect from (any of 127.0.0.0/8 on Linux): a distinct client to the server, which
   * trusts no forwarding header in the test stack.
   */
  localAddress?: string;
}

export const frontendUrl = () => {
  const url = process.env.FRONTEND_URL;
  if (!url) throw new Error('FRONTEND_URL is not set: run integration tests through `npm test`');
  return url;
};

export async function callApi<T = unknown>(path: string, request: ApiRequest = {}): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.host) headers.host = request.host;
  let body: string | undefined;
  if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    headers['content-type'] = request.contentType ?? 'application/json';
  } else if (request.raw !== undefined) {
    body = request.raw;
    if (request.contentType) headers['content-type'] = request.contentType;
  }
  const { status, responseHeaders, text } = await send(
    new URL(path, request.baseUrl ?? frontendUrl()),
    request.method ?? 'GET',
    headers,
    body,
    request.localAddress,
  );
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  const violation = contractViolation(
    request.method ?? 'GET',
    new URL(path, 'http://x').pathname,
    status,
    responseHeaders.get('content-type'),
    parsed,
  );
  if (violation) throw new Error(`Response contract broken: ${violation}`);
  return { status, headers: responseHeaders, body: parsed as T };
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as they came over the wire (not decompressed). */
  body: Buffer;
}

/**
 * One request over its own connection (`agent: false`: independent clients, no state shared between test requests).
 * With `setHost: false` Node adds no Host header of its own, so a test can send none, several or malformed ones.
 */
export function sendRaw(
  url: URL,
  request: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    setHost?: boolean;
    localAddress?: string | undefined;
  },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      {
        method: request.method ?? 'GET',
        headers: request.headers,
        agent: false,
        setHost: request.setHost ?? true,
        ...(request.localAddress ? { localAddress: request.localAddress } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

async function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  localAddress?: string,
) {
  const answer = await sendRaw(url, {
    method,
    headers,
    localAddress,
    ...(body === undefined ? {} : { body }),
  });
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return { status: answer.status, responseHeaders, text: answer.body.toString('utf8') };
}

export interface TestEditor {
  siteDomain: string;
  token: string;
  email: string;
  /** The demo editors' password (the test stack's random one), for signing in through the admin UI. */
  password: string;
}

export function testEditor(domain: string): TestEditor {
  const editors = JSON.parse(process.env.SPARK_TEST_EDITORS ?? '[]') as TestEditor[];
  const editor = editors.find((e) => e.siteDomain === domain);
  if (!editor) throw new Error(`no test editor for ${domain} (SPARK_TEST_EDITORS)`);
  return editor;
}

export function editorToken(domain: string): string {
  const editors = JSON.parse(process.env.SPARK_TEST_EDITORS ?? '[]') as TestEditor[];
  const editor = editors.find((e) => e.siteDomain === domain);
  if (!editor) throw new Error(`no site-scoped test token for ${domain} (SPARK_TEST_EDITORS)`);
  return editor.token;
}

export function adminToken(): string {
  const token = process.env.DIRECTUS_ADMIN_TOKEN;
  if (!token) throw new Error('DIRECTUS_ADMIN_TOKEN is not set');
  return token;
}

/** The error envelope every 4xx/5xx must use. */
export function isErrorEnvelope(body: unknown): body is { error: { code: string; message: string } } {
  if (!body || typeof body !== 'object' || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    !!error &&
    typeof error === 'object' &&
    typeof (error as { code?: unknown }).code === 'string' &&
    /^[A-Z][A-Z0-9_]*$/.test((error as { code: string }).code) &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
