import { createPool } from '@spark/db';
import { afterAll, describe, expect, it } from 'vitest';
import { adminToken, callApi, editorToken, isErrorEnvelope } from '../../../testing/http.js';

/**
 * The malformed-input corpus: every admin route of the tenancy issue, every kind of bad input. Each must be a
 * 4xx in the error envelope and write nothing.
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
afterAll(() => pool.end());

const deep = (levels: number): unknown => (levels === 0 ? 1 : { a: deep(levels - 1) });
const huge = 'x'.repeat(2 * 1024 * 1024);

interface Case {
  name: string;
  path: string;
  method: string;
  json?: unknown;
  raw?: string;
  contentType?: string;
}

const corpus: Case[] = [
  {
    name: 'wrong type for blueprint',
    path: '/api/admin/import-blueprint',
    method: 'POST',
    json: { blueprint: 'text' },
  },
  { name: 'missing blueprint', path: '/api/admin/import-blueprint', method: 'POST', json: { dry_run: true } },
  {
    name: 'unknown field',
    path: '/api/admin/import-blueprint',
    method: 'POST',
    json: { blueprint: {}, extra: 1 },
  },
  {
    name: 'wrong type for dry_run',
    path: '/api/admin/import-blueprint',
    method: 'POST',
    json: { blueprint: {}, dry_run: 'yes' },
  },
  { name: 'array body', path: '/api/admin/import-blueprint', method: 'POST', json: [1, 2, 3] },
  {
    name: 'empty object blueprint',
    path: '/api/admin/import-blueprint',
    method: 'POST',
    json: { blueprint: {} },
  },
  {
    name: 'huge string (2 MB)',
    path: '/api/admin/import-blueprint',
    method: 'POST',
    raw: JSON.stringify({ blueprint: { x: huge } }),
    contentType: 'application/json',
  },
  { name: 'deep JSON', path: '/api/admin/import-blueprint', method: 'POST', json: { blueprint: deep(200) } },
  {
    name: 'invalid JSON',
    path: '/api/admin/import-blueprint',
    method: 'POST',
    raw: '{"blueprint": {',
    contentType: 'application/json',
  },
  {
    name: 'empty body',
    path: '/api/admin/import-blueprint',
    method: 'POST',
    raw: '',
    contentType: 'application/json',
  },
  {
    name: 'wrong content type',
    path: '/api/admin/import-blueprint',
    method: 'POST',
    raw: 'blueprint=1',
    contentType: 'application/x-www-form-urlencoded',
  },
  { name: 'no content type', path: '/api/admin/import-blueprint', method: 'POST', raw: '{"blueprint":{}}' },
  { name: 'invalid UUID site filter', path: '/api/admin/worklog?site_id=not-a-uuid', method: 'GET' },
  { name: 'bad level', path: '/api/admin/worklog?level=catastrophic', method: 'GET' },
  { name: 'limit out of range', path: '/api/admin/worklog?limit=100000', method: 'GET' },
  { name: 'limit not a number', path: '/api/admin/worklog?limit=ten', method: 'GET' },
  { name: 'bad since date', path: '/api/admin/worklog?since=yesterday', method: 'GET' },
  { name: 'forged cursor', path: '/api/admin/worklog?cursor=eyJ0IjoxfQ', method: 'GET' },
  { name: 'unknown query parameter', path: '/api/admin/worklog?drop=table', method: 'GET' },
  { name: 'huge query value', path: `/api/admin/worklog?action=${'a'.repeat(5000)}`, method: 'GET' },
];

async function rowCounts(): Promise<string> {
  const { rows } = await pool.query(
    `select (select count(*) from sites) as sites, (select count(*) from pages) as pages,
            (select count(*) from work_log where action like 'blueprint.%') as imports`,
  );
  return JSON.stringify(rows[0]);
}

describe('the malformed-input corpus on the admin routes', () => {
  for (const token of [() => adminToken(), () => editorToken('alpha.localhost')]) {
    for (const testCase of corpus) {
      it(`answers 4xx in the envelope and writes nothing: ${testCase.name}`, async () => {
        const before = await rowCounts();
        const answer = await callApi(testCase.path, {
          method: testCase.method,
          token: token(),
          json: testCase.json,
          raw: testCase.raw,
          contentType: testCase.contentType,
        });
        expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expect(isErrorEnvelope(answer.body)).toBe(true);
        expect(await rowCounts()).toBe(before);
      });
    }
  }
});

describe('an oversized body on a keep-alive connection', () => {
  it('is refused with 413 and the connection is closed, so the next request on the agent still works', async () => {
    const { Agent, request } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: string) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const headers = { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' };
        const outgoing = request(
          new URL(path, process.env.FRONTEND_URL),
          { method, agent, headers },
          (response) => {
            response.resume();
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }),
            );
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    const tooLarge = await send(
      'POST',
      '/api/admin/import-blueprint',
      JSON.stringify({ blueprint: { x: huge } }),
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.connection).toBe('close');
    const next = await send('GET', '/api/admin/worklog?limit=1');
    expect(next.status).toBe(200);
    agent.destroy();
  });
});
