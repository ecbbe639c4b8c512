import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { leadWebhookJobs } from '@spark/contracts';
import { createPool } from '@spark/db';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverLeadWebhook, UNREACHABLE } from './deliver.js';
import { ForbiddenAddressError, guardedPost, type Resolver } from './guarded-post.js';

const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });

/** A receiver on loopback: what an attacker's webhook URL would point at inside our network. */
let server: Server;
let port = 0;
let hits = 0;
beforeAll(async () => {
  server = createServer((request, response) => {
    hits += 1;
    request.resume();
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.close();
  await pool.end();
});

const post = (url: string, options: { enforcePolicy: boolean; resolve?: Resolver }) =>
  guardedPost(url, '{}', { headers: { 'content-type': 'application/json' }, timeoutMs: 3000, ...options });

/** A DNS server under an attacker's control, answering whatever the test scripts. */
const answering =
  (...addresses: string[]): Resolver =>
  (_hostname, callback) =>
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );

describe('webhook connections', () => {
  it('reach a loopback receiver when the policy is off, so the refusals below are the policy at work', async () => {
    const before = hits;
    expect(await post(`http://localhost:${port}/hook`, { enforcePolicy: false })).toBe(200);
    expect(hits).toBe(before + 1);
  });

  it('refuse at connect time a host name that resolves to 127.0.0.1, sending nothing', async () => {
    const before = hits;
    await expect(post(`http://localhost:${port}/hook`, { enforcePolicy: true })).rejects.toBeInstanceOf(
      ForbiddenAddressError,
    );
    const rebinding = answering('127.0.0.1');
    await expect(
      post(`http://rebind.attacker.test:${port}/hook`, { enforcePolicy: true, resolve: rebinding }),
    ).rejects.toThrow(/forbidden address \(127\.0\.0\.1: loopback\)/);
    // One public record next to a loopback one is refused too: the socket could pick either.
    const mixed = answering('93.184.215.14', '127.0.0.1');
    await expect(
      post(`http://mixed.attacker.test:${port}/hook`, { enforcePolicy: true, resolve: mixed }),
    ).rejects.toBeInstanceOf(ForbiddenAddressError);
    expect(hits).toBe(before);
  });

  it('refuse address literals of loopback in any spelling', async () => {
    const before = hits;
    for (const host of ['127.0.0.1', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[::1]']) {
      await expect(post(`http://${host}:${port}/hook`, { enforcePolicy: true })).rejects.toBeInstanceOf(
        ForbiddenAddressError,
      );
    }
    expect(hits).toBe(before);
  });
});

describe('a lead webhook aimed at our own network', () => {
  it('fails for good with a generic error that names no host, port or address', async () => {
    const domain = `hook-${randomUUID().slice(0, 8)}.localhost`;
    const url = `http://localhost:${port}/internal-admin`;
    const site = await pool.query<{ id: string }>(
      `insert into sites (name, domain, settings) values ($1, $1, $2) returning id`,
      [domain, JSON.stringify({ lead_webhook: { url, secret: 'whsec_0123456789abcdef' } })],
    );
    const siteId = site.rows[0]?.id;
    const lead = await pool.query<{ id: string }>(
      `insert into leads (site_id, email) values ($1, 'target@example.com') returning id`,
      [siteId],
    );
    const submission = await pool.query<{ id: string }>(
      `insert into form_submissions (site_id, lead_id, payload, webhook_status) values ($1, $2, '{}', 'pending')
       returning id`,
      [siteId, lead.rows[0]?.id],
    );
    const submissionId = submission.rows[0]?.id;
    const job = {
      name: leadWebhookJobs.deliver.name,
      data: { submissionId },
      attemptsMade: 0,
      opts: { attempts: 9 },
    } as unknown as Job;
    const before = hits;
    await expect(deliverLeadWebhook(pool, job, { enforcePolicy: true })).rejects.toThrow(UNREACHABLE);
    expect(hits).toBe(before);
    const { rows } = await pool.query<{ webhook_status: string; webhook_last_error: string }>(
      'select webhook_status, webhook_last_error from form_submissions where id = $1',
      [submissionId],
    );
    expect(rows[0]).toEqual({ webhook_status: 'failed', webhook_last_error: UNREACHABLE });
    expect(rows[0]?.webhook_last_error).not.toMatch(new RegExp(`${port}|localhost|127\\.0\\.0\\.1`));
    await pool.query('delete from sites where id = $1', [siteId]);
  });
});
