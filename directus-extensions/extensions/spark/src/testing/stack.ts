import { Redis } from 'ioredis';
import pg from 'pg';
import { z } from 'zod';

/** What `npm test` hands the integration suites about the throwaway stack it started. */
const stackEnvSchema = z.object({
  DATABASE_URL: z.string().url(),
  DIRECTUS_INTERNAL_URL: z.string().url(),
  DIRECTUS_ADMIN_TOKEN: z.string().min(16),
  DIRECTUS_READ_TOKEN: z.string().min(16),
  GOD_MODE_TOKEN: z.string().min(16),
  REDIS_URL: z.string().url(),
  SPARK_TEST_EDITORS: z.string().transform((text) =>
    z
      .array(
        z.object({
          siteDomain: z.string(),
          token: z.string(),
          email: z.string(),
          password: z.string().min(8),
        }),
      )
      .parse(JSON.parse(text)),
  ),
});

export type TestStack = z.infer<typeof stackEnvSchema>;

export function testStack(): TestStack {
  const parsed = stackEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const missing = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`Integration tests need the stack that \`npm test\` starts (missing: ${missing})`);
  }
  return parsed.data;
}

export function editorOf(stack: TestStack, domain: string) {
  const editor = stack.SPARK_TEST_EDITORS.find((e) => e.siteDomain === domain);
  if (!editor) throw new Error(`no demo editor for ${domain}`);
  return editor;
}

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  baseUrl?: string;
}

/** A raw HTTP call to Directus, exactly as a client makes it. */
export async function call<T = Record<string, unknown>>(
  stack: TestStack,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(new URL(path, options.baseUrl ?? stack.DIRECTUS_INTERNAL_URL), {
    method,
    headers,
    body:
      options.body === undefined || typeof options.body === 'string'
        ? (options.body as string | undefined)
        : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {}
  return { status: response.status, headers: response.headers, text, body: body as T };
}

/** A god-mode call with the right header unless the test says otherwise. */
export function god<T = Record<string, unknown>>(
  stack: TestStack,
  method: string,
  path: string,
  options: CallOptions & { token?: string | null } = {},
) {
  const token = options.token === undefined ? stack.GOD_MODE_TOKEN : options.token;
  const headers = { ...options.headers, ...(token === null ? {} : { 'x-god-token': token }) };
  return call<T>(stack, method, path, { ...options, headers });
}

/** As a Directus user (static token in the Authorization header). */
export function asUser<T = Record<string, unknown>>(
  stack: TestStack,
  token: string,
  method: string,
  path: string,
  body?: unknown,
) {
  return call<{ data: T }>(stack, method, path, { body, headers: { authorization: `Bearer ${token}` } });
}

export function openDatabase(stack: TestStack): pg.Pool {
  return new pg.Pool({ connectionString: stack.DATABASE_URL, max: 2 });
}

export function openRedis(stack: TestStack): Redis {
  return new Redis(stack.REDIS_URL, { maxRetriesPerRequest: 1 });
}

/** Hooks run after Directus answered: poll until the expected effect shows up (or give up after `ms`). */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 5000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

export const uniqueName = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
