import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestSite,
  dropTestSite,
  eventually,
  post,
  type TestSite,
  testPool,
} from '../analytics/testing.js';

interface Received {
  at: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A loopback webhook receiver answering with the scripted statuses in turn (then the last one). */
async function startReceiver(statuses: number[]) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        at: Date.now(),
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => server.close() };
}

const secret = 'whsec_0123456789abcdef';
const submit = (site: TestSite, email: string) =>
  post(site.domain, '/api/forms/submit', {
    form: 'quote',
    fields: { full_name: 'Ada', email, service: 'Repair' },
    elapsed_ms: 6000,
  });

async function submissionOf(email: string) {
  const { rows } = await testPool().query<{
    webhook_status: string;
    webhook_attempts: number;
    webhook_last_error: string | null;
  }>(
    `select s.webhook_status, s.webhook_attempts, s.webhook_last_error
     from form_submissions s join leads l on l.id = s.lead_id where l.email = $1`,
    [email],
  );
  return rows[0];
}

describe('lead webhooks', { timeout: 40_000 }, () => {
  const cleanups: (() => unknown)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  async function siteWithReceiver(statuses: number[]) {
    const receiver = await startReceiver(statuses);
    const site = await createTestSite({ webhook: { url: receiver.url, secret } });
    cleanups.push(receiver.close, () => dropTestSite(site));
    return { receiver, site };
  }

  let delivered: { receiver: Awaited<ReturnType<typeof startReceiver>>; site: TestSite };
  beforeAll(async () => {
    delivered = await siteWithReceiver([204]);
  }, 40_000);

  it('POSTs a correctly signed lead.created call to the receiver', async () => {
    expect((await submit(delivered.site, 'signed@example.com')).status).toBe(200);
    await eventually(
      async () => delivered.receiver.received.length,
      (n) => n >= 1,
    );
    const call = delivered.receiver.received[0] as Received;
    const signature = String(call.headers['x-spark-signature']);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature) ?? [];
    expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${call.body}`).digest('hex'));
    expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(60);
    expect(call.headers['x-spark-event']).toBe('lead.created');
    const body = JSON.parse(call.body) as { event: string; site: { id: string }; lead: { email: string } };
    expect(body).toMatchObject({
      event: 'lead.created',
      site: { id: delivered.site.id },
      lead: { email: 'signed@example.com' },
    });
    await eventually(
      () => submissionOf('signed@example.com'),
      (s) => s?.webhook_status === 'delivered',
    );
  });

  it('retries a failing receiver with growing delays until it succeeds', async () => {
    const { receiver, site } = await siteWithReceiver([503, 503, 200]);
    expect((await submit(site, 'retry@example.com')).status).toBe(200);
    const final = await eventually(
      () => submissionOf('retry@example.com'),
      (s) => s?.webhook_status === 'delivered',
      30_000,
    );
    expect(final?.webhook_attempts).toBe(3);
    const [first, second, third] = receiver.received.map((call) => call.at);
    const gap1 = (second as number) - (first as number);
    const gap2 = (third as number) - (second as number);
    expect(gap1).toBeGreaterThanOrEqual(1500);
    expect(gap2).toBeGreaterThan(gap1);
    // Every attempt carries the same delivery id, so receivers can deduplicate.
    expect(new Set(receiver.received.map((call) => call.headers['x-spark-delivery'])).size).toBe(1);
  });

  it('stops at once when the receiver refuses the call (4xx) and records why', async () => {
    const { receiver, site } = await siteWithReceiver([410]);
    expect((await submit(site, 'gone@example.com')).status).toBe(200);
    const final = await eventually(
      () => submissionOf('gone@example.com'),
      (s) => s?.webhook_status === 'failed',
    );
    expect(final).toMatchObject({ webhook_attempts: 1, webhook_last_error: 'receiver answered HTTP 410' });
    expect(receiver.received).toHaveLength(1);
  });
});
