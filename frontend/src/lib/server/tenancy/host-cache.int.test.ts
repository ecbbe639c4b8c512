import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { TENANT_HOSTS_KEY } from '@spark/contracts';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';

const redis = new Redis(process.env.REDIS_URL ?? '', { maxRetriesPerRequest: 1 });
const agent = new Agent({ keepAlive: true, maxSockets: 8 });
afterAll(() => {
  redis.disconnect();
  agent.destroy();
});

function statusFor(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      new URL('/', process.env.FRONTEND_URL),
      { headers: { host, accept: 'text/html' }, agent },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the shared tenant-host cache', { timeout: 60_000 }, () => {
  it('does not grow, nor have its expiry pushed back, by 500 requests with invented Host headers', async () => {
    expect(await statusFor('alpha.localhost')).toBe(200);
    const fieldsBefore = await redis.hlen(TENANT_HOSTS_KEY);
    const ttlBefore = await redis.ttl(TENANT_HOSTS_KEY);
    const hosts = Array.from({ length: 500 }, () => `${randomBytes(6).toString('hex')}.example`);
    for (let i = 0; i < hosts.length; i += 25) {
      const statuses = await Promise.all(hosts.slice(i, i + 25).map(statusFor));
      expect(new Set(statuses)).toEqual(new Set([404]));
    }
    const fields = await redis.hkeys(TENANT_HOSTS_KEY);
    expect(fields.filter((field) => field.endsWith('.example') && hosts.includes(field))).toEqual([]);
    // Other suites may add real hosts meanwhile; a handful, never hundreds.
    expect(fields.length - fieldsBefore).toBeLessThan(10);
    if (ttlBefore > 0) expect(await redis.ttl(TENANT_HOSTS_KEY)).toBeLessThanOrEqual(ttlBefore);
  });
});
