import type { z } from 'zod';

/**
 * The admin app's only way to the API: same-origin fetch with the session cookie, the CSRF token echoed on
 * writes, errors from the envelope turned into `ApiError` (its message is written for people), and every
 * success body checked against its contract so a drifted server shows a readable error, not a blank page.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface SpintaxIssue {
  line: number;
  column: number;
  message: string;
}

/** The spintax problems a 422 lists with line and column (other issues have neither). */
export function spintaxIssues(error: unknown): SpintaxIssue[] {
  if (!(error instanceof ApiError) || !error.details || typeof error.details !== 'object') return [];
  const issues = (error.details as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (issue): issue is SpintaxIssue =>
      typeof issue?.line === 'number' &&
      typeof issue?.column === 'number' &&
      typeof issue?.message === 'string',
  );
}

export function csrfToken(cookies: string = typeof document === 'undefined' ? '' : document.cookie): string {
  const match = /(?:^|;\s*)spark_csrf=([^;]*)/.exec(cookies);
  return match?.[1] ? decodeURIComponent(match[1]) : '';
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  json?: unknown;
  signal?: AbortSignal;
}

export async function api<S extends z.ZodTypeAny>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.json === undefined ? undefined : JSON.stringify(options.json),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached; check your connection and try again');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const envelope = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)
      ?.error;
    if (response.status === 401 && typeof window !== 'undefined') {
      window.location.assign(`/admin/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
    }
    throw new ApiError(
      response.status,
      envelope?.code ?? 'HTTP_ERROR',
      envelope?.message ?? `The server answered ${response.status}`,
      envelope?.details,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'UNEXPECTED_RESPONSE',
      `Unexpected answer from ${path}; reload the page`,
    );
  }
  return parsed.data;
}
