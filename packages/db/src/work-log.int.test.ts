import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from './schema.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from './testing.js';
import { writeWorkLog } from './work-log.js';

async function refusal(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (error instanceof pg.DatabaseError) return error.message;
    throw error;
  }
}

describe('work_log in the database', { timeout: 30_000 }, () => {
  let db: ThrowawayDatabase;
  const q = <R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    db.pool.query<R>(sql, params);

  beforeAll(async () => {
    db = await createThrowawayDatabase();
    await applySchema(db.pool);
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('refuses UPDATE, DELETE and TRUNCATE, whoever sends them', async () => {
    const action = `entry-${randomUUID()}`;
    await q(`insert into work_log (action, details) values ($1, '{"a": 1}')`, [action]);
    for (const sql of [
      `update work_log set action = 'forged' where action = $1`,
      `update work_log set details = '{}' where action = $1`,
      'delete from work_log where action = $1',
    ]) {
      expect(await refusal(() => q(sql, [action]))).toMatch(/append-only/);
    }
    expect(await refusal(() => q('truncate work_log'))).toMatch(/append-only/);
    expect((await q('select details from work_log where action = $1', [action])).rows).toEqual([
      { details: { a: 1 } },
    ]);
  });

  it('lets only the retention function delete, and only entries past retention', async () => {
    const action = `old-${randomUUID()}`;
    await q(
      `insert into work_log (action, "timestamp") values ($1, now() - interval '40 days'), ($1, now() - interval '2 days')`,
      [action],
    );
    const trimmed = await q<{ n: string }>('select trim_work_log(30, 1000) as n');
    expect(Number(trimmed.rows[0]?.n)).toBeGreaterThanOrEqual(1);
    expect((await q('select 1 from work_log where action = $1', [action])).rowCount).toBe(1);
    expect(await refusal(() => q('select trim_work_log(0, 1000)'))).toMatch(/at least one day/);
    // The function's permission does not outlive its own statement.
    expect(await refusal(() => q('delete from work_log where action = $1', [action]))).toMatch(/append-only/);
  });

  it("keeps a deleted site's entries attributed to that site instead of making them platform-wide", async () => {
    const domain = `t${randomUUID().slice(0, 8)}.localhost`;
    const site = await q<{ id: string }>('insert into sites (name, domain) values ($1, $1) returning id', [
      domain,
    ]);
    const siteId = site.rows[0]?.id;
    await q(`insert into work_log (site_id, action) values ($1, 'page.update')`, [siteId]);
    await q('delete from sites where id = $1', [siteId]);
    const { rows } = await q<{ site_id: string | null }>('select site_id from work_log where site_id = $1', [
      siteId,
    ]);
    expect(rows).toEqual([{ site_id: siteId }]);
  });

  it('writes an entry through the one writer with secrets redacted at any depth', async () => {
    const action = `writer-${randomUUID()}`;
    await writeWorkLog(
      {
        action,
        entityType: 'campaigns',
        entityId: 'c-1',
        level: 'warning',
        details: { count: 3, nested: { api_token: 'abc', kept: 'yes' } },
      },
      db.pool,
    );
    const { rows } = await q<{ entity_type: string; level: string; details: Record<string, unknown> }>(
      'select entity_type, level, details from work_log where action = $1',
      [action],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.entity_type).toBe('campaigns');
    expect(rows[0]?.level).toBe('warning');
    expect(rows[0]?.details).toMatchObject({ count: 3, nested: { kept: 'yes' } });
    expect(JSON.stringify(rows[0]?.details)).not.toContain('abc');
  });

  it('writes a once-per-entity entry only once however often it is asked', async () => {
    const action = `once-${randomUUID()}`;
    const entry = { action, entityType: 'generation_jobs', entityId: randomUUID(), details: { n: 1 } };
    await writeWorkLog(entry, db.pool, { oncePerEntity: true });
    await writeWorkLog(entry, db.pool, { oncePerEntity: true });
    await writeWorkLog({ ...entry, entityId: randomUUID() }, db.pool, { oncePerEntity: true });
    const { rows } = await q('select entity_id from work_log where action = $1', [action]);
    expect(rows).toHaveLength(2);
  });
});
