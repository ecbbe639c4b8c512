import { type Answer, call, editorOf, type TestStack } from '../testing/stack.js';

/** One way of calling Directus: the headers a request carries. */
export interface Caller {
  name: string;
  headers: Record<string, string>;
}

async function login(stack: TestStack, email: string, password: string): Promise<string> {
  const answer = await call<{ data?: { access_token?: string } }>(stack, 'POST', '/auth/login', {
    body: { email, password },
  });
  const token = answer.body.data?.access_token;
  if (answer.status !== 200 || !token)
    throw new Error(`login of ${email} failed: ${answer.status} ${answer.text}`);
  return token;
}

/** The alpha editor with its static token, the same editor logged in (JWT), and an anonymous visitor. */
export async function isolationCallers(stack: TestStack): Promise<Caller[]> {
  const alpha = editorOf(stack, 'alpha.localhost');
  const jwt = await login(stack, alpha.email, alpha.password);
  return [
    { name: 'alpha editor (static token)', headers: { authorization: `Bearer ${alpha.token}` } },
    { name: 'alpha editor (JWT)', headers: { authorization: `Bearer ${jwt}` } },
    { name: 'anonymous', headers: {} },
  ];
}

export function as<T = Record<string, unknown>>(
  stack: TestStack,
  caller: Caller,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer<T>> {
  return call<T>(stack, method, path, { body, headers: caller.headers });
}

export function admin<T = Record<string, unknown>>(
  stack: TestStack,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer<T>> {
  return call<T>(stack, method, path, {
    body,
    headers: { authorization: `Bearer ${stack.DIRECTUS_ADMIN_TOKEN}` },
  });
}

/** A GraphQL request on the items endpoint. */
export function graphql(stack: TestStack, caller: Caller, query: string): Promise<Answer> {
  return call(stack, 'POST', '/graphql', { body: { query }, headers: caller.headers });
}
