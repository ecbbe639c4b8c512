import { afterAll, describe, expect, it, vi } from 'vitest';

vi.stubEnv('DATABASE_URL', 'postgres://nobody@127.0.0.1:1/none');
vi.stubEnv('REDIS_URL', 'redis://127.0.0.1:1');
vi.stubEnv('DIRECTUS_READ_TOKEN', 'x'.repeat(16));
vi.stubEnv('DIRECTUS_ADMIN_TOKEN', 'y'.repeat(16));
const { cache } = await import('./connections.js');

afterAll(() => cache().disconnect());

describe('cache()', () => {
  it('is one connection with one error listener however often a request asks for it', () => {
    const first = cache();
    for (let i = 0; i < 50; i += 1) expect(cache()).toBe(first);
    expect(first.listenerCount('error')).toBe(1);
  });
});

describe('redisConnection()', () => {
  it('keeps one connection per role, each with the policy its use needs', async () => {
    const { redisConnection } = await import('./connections.js');
    const producer = redisConnection('producer');
    const tracking = redisConnection('tracking');
    expect(redisConnection('producer')).toBe(producer);
    expect(producer).not.toBe(tracking);
    expect(producer.options.enableOfflineQueue).toBe(false);
    expect(tracking.options.enableAutoPipelining).toBe(true);
    expect(redisConnection('commands')).toBe(cache());
    expect(redisConnection('commands').options.enableAutoPipelining).toBe(false);
    producer.disconnect();
    tracking.disconnect();
  });
});
