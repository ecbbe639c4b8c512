import type { Pool } from '@spark/db';

/** Deletes work_log entries older than the retention window, in slices so a large backlog never locks long. */
export async function trimWorkLog(pool: Pool, retentionDays: number, sliceSize = 5000): Promise<number> {
  let deleted = 0;
  for (;;) {
    const result = await pool.query(
      `delete from work_log where id in (
         select id from work_log where "timestamp" < now() - make_interval(days => $1) limit $2
       )`,
      [retentionDays, sliceSize],
    );
    deleted += result.rowCount ?? 0;
    if ((result.rowCount ?? 0) < sliceSize) return deleted;
  }
}
