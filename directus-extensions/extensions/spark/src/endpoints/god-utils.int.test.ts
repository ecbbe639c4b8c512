import { describe, expect, it } from 'vitest';
import { god, testStack } from '../testing/stack.js';

const stack = testStack();

interface Status {
  versions: { directus: string; postgres: string; postgis: string };
  database: { tables: number };
  collections: { total: number; user: number };
  redis: { configured: boolean; ok: boolean; queues: Record<string, Record<string, number>> };
}

describe('god status', () => {
  it('reports tables, collections, queue depths, Redis and the versions of Directus, Postgres and PostGIS', async () => {
    const answer = await god<{ data: Status }>(stack, 'GET', '/god/status');
    expect(answer.status, answer.text).toBe(200);
    const status = answer.body.data;
    expect(status.versions.directus).toMatch(/^11\./);
    expect(status.versions.postgres).toMatch(/^\d+\.\d+/);
    expect(status.versions.postgis).toMatch(/^3\./);
    expect(status.database.tables).toBeGreaterThanOrEqual(30);
    expect(status.collections.user).toBeGreaterThanOrEqual(30);
    expect(status.collections.total).toBeGreaterThan(status.collections.user);
    expect(status.redis).toMatchObject({ configured: true, ok: true });
    for (const depths of Object.values(status.redis.queues)) {
      expect(Object.keys(depths)).toEqual(expect.arrayContaining(['wait', 'active', 'delayed', 'failed']));
    }
  });
});
