import { z } from 'zod';

/** What `npm test` hands the integration suites about the throwaway stack it started. */
const stackEnvSchema = z.object({
  DATABASE_URL: z.string().url(),
  DIRECTUS_INTERNAL_URL: z.string().url(),
  DIRECTUS_ADMIN_TOKEN: z.string().min(16),
  DIRECTUS_READ_TOKEN: z.string().min(16),
  SPARK_TEST_EDITORS: z
    .string()
    .transform((text) =>
      z
        .array(z.object({ siteDomain: z.string(), token: z.string(), email: z.string() }))
        .parse(JSON.parse(text)),
    ),
});

export type TestStack = z.infer<typeof stackEnvSchema>;

export function testStack(): TestStack {
  const parsed = stackEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      `Integration tests need the stack that \`npm test\` starts (missing: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`,
    );
  }
  return parsed.data;
}

export function editorToken(stack: TestStack, domain: string): string {
  const editor = stack.SPARK_TEST_EDITORS.find((e) => e.siteDomain === domain);
  if (!editor) throw new Error(`no demo editor for ${domain}`);
  return editor.token;
}

export interface DirectusAnswer<T = unknown> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** A raw REST call as a given token (or anonymously) — tests must see exactly what clients see. */
export async function directusAs<T = unknown>(
  stack: TestStack,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<DirectusAnswer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(new URL(path, stack.DIRECTUS_INTERNAL_URL), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as DirectusAnswer<T>['body']) : {} };
}
