import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, god, openDatabase, testStack } from '../testing/stack.js';

const stack = testStack();
const db = openDatabase(stack);
afterAll(() => db.end());

/** GET /god/status from a chosen loopback address, so this test's refusals are its own client's. */
function godStatusFrom(from: string, token: string) {
  return new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
    const req = request(
      new URL('/god/status', stack.DIRECTUS_INTERNAL_URL),
      { localAddress: from, headers: { 'x-god-token': token } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('refused god-mode calls', () => {
  it('are throttled per address, even a right token then waits, and are logged as a few summed rows', async () => {
    const attacker = '127.0.0.5';
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await godStatusFrom(attacker, `guess-${i}`)).status);
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(30).every((status) => status === 429)).toBe(true);

    const rightTokenThere = await godStatusFrom(attacker, stack.GOD_MODE_TOKEN);
    expect(rightTokenThere.status).toBe(429);
    expect(Number(rightTokenThere.retryAfter)).toBeGreaterThan(0);
    expect((await god(stack, 'GET', '/god/status')).status).toBe(200);

    const summaries = async () =>
      (
        await db.query<{ details: { count: number; throttled: number } }>(
          `select details from work_log where action = 'god.denied' and entity_id like $1`,
          [`%${attacker}`],
        )
      ).rows;
    const rows = await eventually(
      summaries,
      (list) => list.reduce((n, row) => n + row.details.count, 0) >= 41,
    );
    expect(rows.reduce((n, row) => n + row.details.count, 0)).toBe(41);
    expect(rows.reduce((n, row) => n + row.details.throttled, 0)).toBe(11);
    expect(rows.length).toBeLessThanOrEqual(3);
  });
});
