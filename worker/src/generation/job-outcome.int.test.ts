import { createPool, withTransaction } from '@spark/db';
import { recordBatchProgress } from '@spark/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, createReservedJob, type FixtureSite } from './test-support/fixtures.js';

/**
 * How a generation job ends is read from its counts: a job that made nothing is not a success, and one with some
 * failures says so, with the first reasons, instead of looking like a clean run.
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
let site: FixtureSite;

beforeAll(async () => {
  site = await createFixtureSite(pool);
});
afterAll(async () => {
  await pool.query('delete from sites where id = $1', [site.siteId]);
  await pool.end();
});

async function finish(total: number, processed: number) {
  const { jobId } = await createReservedJob(pool, site, total);
  const failed = total - processed;
  const status = await withTransaction(pool, (client) =>
    recordBatchProgress(client, jobId, {
      processed,
      failed,
      failureNote: failed > 0 ? 'Unresolved tokens: {County}' : null,
    }),
  );
  const { rows } = await pool.query<{
    status: string;
    error: string | null;
    failed: number;
    log: string | null;
  }>(
    `select j.status, j.error, j.failed,
            (select action || ':' || level from work_log where entity_id = j.id::text limit 1) as log
     from generation_jobs j where j.id = $1`,
    [jobId],
  );
  return { returned: status, ...rows[0] };
}

describe('the end of a generation job', () => {
  it('fails when every headline failed, with the reason and an error in the work log', async () => {
    expect(await finish(5, 0)).toEqual({
      returned: 'failed',
      status: 'failed',
      failed: 5,
      error: 'Unresolved tokens: {County}',
      log: 'generation.failed:error',
    });
  });

  it('completes with its failures counted and listed when some headlines failed', async () => {
    expect(await finish(5, 3)).toEqual({
      returned: 'completed',
      status: 'completed',
      failed: 2,
      error: 'Unresolved tokens: {County}',
      log: 'generation.completed:warning',
    });
  });

  it('completes cleanly when nothing failed', async () => {
    expect(await finish(5, 5)).toEqual({
      returned: 'completed',
      status: 'completed',
      failed: 0,
      error: null,
      log: 'generation.completed:info',
    });
  });
});
