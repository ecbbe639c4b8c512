/** Test helpers for calling the running frontend exactly as a client would (no in-process shortcuts). */
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
  const response = await fetch(new URL(path, frontendUrl()), {
    method: request.method ?? 'GET',
    headers,
    body,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

export interface TestEditor {
  siteDomain: string;
  token: string;
  email: string;
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
