import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecondDirectus } from '../testing/second-directus.js';
import { eventually, god, openDatabase, testStack } from '../testing/stack.js';

const stack = testStack();
const db = openDatabase(stack);
afterAll(() => db.end());

async function auditRows(userAgent: string) {
  const { rows } = await db.query(
    `select action, level, entity_type, details from work_log
     where entity_type = 'god_mode' and details->>'userAgent' = $1 order by timestamp`,
    [userAgent],
  );
  return rows as { action: string; level: string; details: Record<string, unknown> }[];
}

describe('the god gate on the running Directus', () => {
  it('answers 401 without the X-God-Token header, in the error envelope', async () => {
    const answer = await god(stack, 'GET', '/god/status', { token: null });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers 401 for a wrong token on every god route', async () => {
    for (const [method, path] of [
      ['GET', '/god/status'],
      ['GET', '/god/schema/snapshot'],
      ['POST', '/god/data/bulk-insert'],
      ['POST', '/god/schema/collections/create'],
      ['POST', '/god/cache/flush'],
    ] as const) {
      const answer = await god(stack, method, path, {
        token: 'wrong-token',
        body: method === 'POST' ? {} : undefined,
      });
      expect(answer.status, `${method} ${path}`).toBe(401);
    }
  });

  it('answers 401 when the token is sent only in the query string', async () => {
    for (const key of ['token', 'access_token']) {
      const answer = await god(stack, 'GET', `/god/status?${key}=${stack.GOD_MODE_TOKEN}`, { token: null });
      expect(answer.status).toBe(401);
      expect(JSON.stringify(answer.body)).not.toContain(stack.GOD_MODE_TOKEN);
    }
  });

  it('rejects a valid header too when a token also travels in the URL', async () => {
    const answer = await god(stack, 'GET', `/god/status?access_token=${stack.DIRECTUS_ADMIN_TOKEN}`);
    expect(answer.status).toBe(401);
  });

  it('lets the right header through', async () => {
    const answer = await god(stack, 'GET', '/god/status');
    expect(answer.status).toBe(200);
  });

  it('writes each allowed call to work_log, and refused calls only as a per-address summary, never the token', async () => {
    const headers = { 'user-agent': `audit-test-${Date.now()}` };
    await god(stack, 'GET', '/god/status', { token: 'wrong-token', headers });
    await god(stack, 'GET', `/god/status?token=${stack.GOD_MODE_TOKEN}`, { token: null, headers });
    await god(stack, 'GET', '/god/status', { headers });
    const rows = await auditRows(headers['user-agent']);
    expect(rows.map((row) => [row.action, row.level, row.details.outcome])).toEqual([
      ['god.status', 'warning', 'allowed'],
    ]);
    const summaries = async () =>
      (
        await db.query<{ level: string; details: { count: number; reasons: Record<string, number> } }>(
          `select level, details from work_log where action = 'god.denied' and details->'userAgents' ? $1`,
          [headers['user-agent']],
        )
      ).rows;
    const found = await eventually(summaries, (list) => {
      const reasons = Object.assign({}, ...list.map((row) => row.details.reasons));
      return 'token in query string' in reasons && Object.keys(reasons).length >= 2;
    });
    expect(found.every((row) => row.level === 'warning')).toBe(true);
    expect(found.reduce((sum, row) => sum + row.details.count, 0)).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(found)).not.toContain(stack.GOD_MODE_TOKEN);
  });

  it('answers unknown god paths with 404 in the envelope once the token is accepted', async () => {
    const answer = await god(stack, 'GET', '/god/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await god(stack, 'GET', '/god/nothing-here', { token: null })).status).toBe(401);
  });

  it('cannot be sidestepped through another spelling of the path', async () => {
    for (const path of ['/GOD/status', '/god/status/', '/God/Schema/Snapshot']) {
      expect((await god(stack, 'GET', path, { token: null })).status, path).toBe(401);
    }
  });
});

describe('god mode with GOD_MODE_TOKEN unset (a second Directus on the same database)', () => {
  let second: Awaited<ReturnType<typeof startSecondDirectus>> | undefined;
  beforeAll(async () => {
    second = await startSecondDirectus({ GOD_MODE_TOKEN: '' });
  }, 90_000);
  afterAll(() => second?.stop());

  it('answers 404 NOT_FOUND on every god route, even with the token that works elsewhere', async () => {
    for (const [method, path] of [
      ['GET', '/god/status'],
      ['GET', '/god/schema/snapshot'],
      ['POST', '/god/data/bulk-insert'],
    ] as const) {
      const answer = await god(stack, method, path, {
        baseUrl: second?.url,
        body: method === 'POST' ? {} : undefined,
      });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });
});
