import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorOf, openDatabase, testStack } from '../testing/stack.js';

const stack = testStack();
const db = openDatabase(stack);
const editor = editorOf(stack, 'alpha.localhost');
afterAll(() => db.end());

interface LoginAnswer {
  status: number;
  retryAfter: string | undefined;
  body: string;
}

/**
 * POST /auth/login from a chosen loopback address: Linux routes all of 127.0.0.0/8 to this machine, so each
 * address is a distinct client to Directus (which does not trust X-Forwarded-For in the test stack).
 */
function login(from: string, email: string, password: string, headers: Record<string, string> = {}) {
  return postFrom(from, '/auth/login', { email, password }, headers);
}

function postFrom(from: string, path: string, json: unknown, headers: Record<string, string> = {}) {
  const url = new URL(path, stack.DIRECTUS_INTERNAL_URL);
  const body = JSON.stringify(json);
  return new Promise<LoginAnswer>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress: from,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body: text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const statusOf = async (email: string) =>
  (await db.query<{ status: string }>('select status from directus_users where email = $1', [email])).rows[0]
    ?.status;

beforeAll(async () => {
  expect(await statusOf(editor.email)).toBe('active');
});

// Directus stalls every failed login (LOGIN_STALL_TIME) so it answers no faster than a success: 30 take a while.
describe('login throttling', { timeout: 60_000 }, () => {
  it('answers 429 with Retry-After to 30 wrong passwords from one client, and never suspends the account', async () => {
    const statuses: number[] = [];
    let lastRetryAfter: string | undefined;
    for (let i = 0; i < 30; i++) {
      // A new X-Forwarded-For each time: it must not buy a fresh budget.
      const answer = await login('127.0.0.7', editor.email, `wrong-${i}`, {
        'x-forwarded-for': `203.0.113.${i}`,
      });
      statuses.push(answer.status);
      if (answer.status === 429) lastRetryAfter = answer.retryAfter;
    }
    expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
    expect(Number(lastRetryAfter)).toBeGreaterThan(0);
    expect(await statusOf(editor.email)).toBe('active');

    // The attacker's address stays held back even with the right password...
    expect((await login('127.0.0.7', editor.email, editor.password)).status).toBe(429);
    // ...while the editor, elsewhere, logs in.
    const own = await login('127.0.0.8', editor.email, editor.password);
    expect(own.status, own.body).toBe(200);
    expect(JSON.parse(own.body).data.access_token).toBeTruthy();
  });

  it('does not let an attacker spraying from many addresses suspend the account or shut its owner out', async () => {
    for (let i = 0; i < 30; i++) {
      const answer = await login(`127.0.1.${i + 1}`, editor.email, `spray-${i}`);
      expect([401, 429]).toContain(answer.status);
    }
    expect(await statusOf(editor.email)).toBe('active');
    const own = await login('127.0.0.9', editor.email, editor.password);
    expect(own.status, own.body).toBe(200);
  });

  it('throttles the same guessing through GraphQL auth_login', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const query = `mutation { auth_login(email: ${JSON.stringify(editor.email)}, password: "gql-${i}") { access_token } }`;
      statuses.push((await postFrom('127.0.0.10', '/graphql/system', { query })).status);
    }
    expect(statuses.slice(0, 5).every((status) => status !== 429)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(await statusOf(editor.email)).toBe('active');
  });
});

describe('admin sign-ins relayed by the frontend', () => {
  const beta = editorOf(stack, 'beta.localhost');
  const vouch = (address: string, key = stack.DIRECTUS_ADMIN_TOKEN) => ({
    'x-spark-client-address': address,
    'x-spark-client-proof': createHmac('sha256', `spark:client-address:v1:${key}`)
      .update(address)
      .digest('hex'),
  });

  it('counts each attempt against the visitor the frontend vouches for, not against the frontend', async () => {
    for (let i = 0; i < 12; i += 1)
      await login('127.0.0.40', beta.email, `wrong-${i}`, vouch('198.51.100.7'));
    expect((await login('127.0.0.40', beta.email, 'wrong-again', vouch('198.51.100.7'))).status).toBe(429);
    // The same relaying server, another visitor with the right password: signed in.
    expect((await login('127.0.0.40', beta.email, beta.password, vouch('198.51.100.8'))).status).toBe(200);
  });

  it('ignores a visitor address whose proof was not made with the admin token', async () => {
    for (let i = 0; i < 12; i += 1) {
      await login(
        '127.0.0.41',
        beta.email,
        `wrong-${i}`,
        vouch(`198.51.100.${100 + i}`, 'a-guessed-key-123456'),
      );
    }
    const next = await login(
      '127.0.0.41',
      beta.email,
      'wrong',
      vouch('198.51.100.200', 'a-guessed-key-123456'),
    );
    expect(next.status).toBe(429);
  });
});
