import { createPool } from '@spark/db';
import { afterAll, describe, expect, it } from 'vitest';
import { trimWorkLog } from './trim-work-log.js';

const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
afterAll(() => pool.end());

describe('trimWorkLog', () => {
  it('deletes only entries older than the retention window, across several slices', async () => {
    const marker = `trim-test-${Date.now()}`;
    await pool.query(
      `insert into work_log (action, entity_type, entity_id, level, "timestamp", details)
       select $1, 'test', g::text, 'info', now() - interval '40 days', '{}'::jsonb from generate_series(1, 25) g
       union all
       select $1, 'test', g::text, 'info', now() - interval '5 days', '{}'::jsonb from generate_series(1, 7) g`,
      [marker],
    );
    const deleted = await trimWorkLog(pool, 30, 10);
    expect(deleted).toBeGreaterThanOrEqual(25);
    const left = await pool.query<{ n: number }>(
      'select count(*)::int as n from work_log where action = $1',
      [marker],
    );
    expect(left.rows[0]?.n).toBe(7);
  });
});
