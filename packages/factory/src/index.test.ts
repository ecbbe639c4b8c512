import type { Pool } from '@spark/db';
import type { JobQueues } from '@spark/jobs';
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createFactory, type FactoryDeps } from './index.js';

const site = '11111111-1111-4111-8111-111111111111';
const editor = { userId: 'u-1', email: null, isAdmin: false, siteIds: [site] };

/** A pool that answers every query with no rows and remembers what it was asked. */
function recordingDeps() {
  const queries: { sql: string; params: unknown[] }[] = [];
  const db = {
    query: async (sql: string, params: unknown[] = []) => {
      queries.push({ sql, params });
      return { rows: [], rowCount: 0 };
    },
  } as unknown as Pool;
  const deps: FactoryDeps = {
    db,
    queues: {} as JobQueues,
    cache: {} as Redis,
    now: () => new Date('2026-01-01T00:00:00Z'),
  };
  return { deps, queries };
}

describe('createFactory', () => {
  it('runs each use case against the dependencies it was built with', async () => {
    const first = recordingDeps();
    const second = recordingDeps();
    await createFactory(first.deps).campaignOptions(editor, undefined);
    expect(first.queries.length).toBeGreaterThan(0);
    expect(first.queries.some((query) => query.params.includes(site))).toBe(true);
    expect(second.queries).toHaveLength(0);
  });

  it('keeps the site scope: a site the caller does not belong to is NOT_FOUND before any query', async () => {
    const { deps, queries } = recordingDeps();
    const other = '22222222-2222-4222-8222-222222222222';
    await expect(createFactory(deps).campaignOptions(editor, other)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(queries).toHaveLength(0);
  });
});
