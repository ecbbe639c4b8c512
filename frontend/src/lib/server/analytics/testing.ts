import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { createPool, type Pool } from '@spark/db';

/**
 * Integration-test support for the leads and analytics suites: each test group gets its own throwaway site
 * (so row counts and rate-limit budgets are its own), and requests go to the running stack with a Host header.
 */
export const frontendUrl = process.env.FRONTEND_URL ?? '';

export const BROWSER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

let pool: Pool | undefined;
export function testPool(): Pool {
  pool ??= createPool(process.env.DATABASE_URL ?? '', { max: 4 });
  return pool;
}

export interface TestSite {
  id: string;
  domain: string;
}

/** A fresh site with a copy of a small form; removed (with everything it owns) by `dropTestSite`. */
export async function createTestSite(
  options: { settings?: Record<string, unknown>; webhook?: { url: string; secret: string } } = {},
): Promise<TestSite> {
  const domain = `t${randomBytes(5).toString('hex')}.localhost`;
  const { rows } = await testPool().query<{ id: string }>(
    `insert into sites (name, domain, settings) values ($1, $2, $3) returning id`,
    [`Test ${domain}`, domain, JSON.stringify(options.settings ?? {})],
  );
  const id = rows[0]?.id as string;
  await testPool().query(
    `insert into forms (site_id, slug, name, fields, success_message, redirect_url, webhook_url, webhook_secret)
     values ($1, 'quote', 'Quote', $2, 'Thanks, we will call you.', '/thanks', $3, $4)`,
    [
      id,
      JSON.stringify([
        { name: 'full_name', label: 'Name', type: 'text', required: true, max_length: 120 },
        { name: 'email', label: 'Email', type: 'email', required: true },
        { name: 'phone', label: 'Phone', type: 'tel', required: false },
        {
          name: 'service',
          label: 'Service',
          type: 'select',
          required: true,
          options: ['Repair', 'Inspection'],
        },
      ]),
      options.webhook?.url ?? null,
      options.webhook?.secret ?? null,
    ],
  );
  return { id, domain };
}

export async function dropTestSite(site: TestSite): Promise<void> {
  await testPool().query('delete from sites where id = $1', [site.id]);
}

export async function countRows(table: string, siteId: string): Promise<number> {
  const { rows } = await testPool().query<{ n: string }>(
    `select count(*) as n from ${table} where site_id = $1`,
    [siteId],
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * POST JSON (or any body) to the stack as the given host. node:http, not fetch: fetch silently drops a Host
 * header, and every public endpoint takes its site from it.
 */
export function post(
  host: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const url = new URL(path, frontendUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA, ...headers, host },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const answer = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined) answer.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          resolve(new Response(Buffer.concat(chunks), { status: response.statusCode ?? 0, headers: answer }));
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

export { eventually } from '../eventually.testing.js';

export function editors(): { siteDomain: string; token: string }[] {
  return JSON.parse(process.env.SPARK_TEST_EDITORS ?? '[]') as { siteDomain: string; token: string }[];
}
