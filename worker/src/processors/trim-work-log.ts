import type { Pool } from '@spark/db';

/** Deletes work_log entries older than the retention window, in slices so a large backlog never locks long. */
export async function trimWorkLog(pool: Pool, retentionDays: number, sliceSize = 5000): Promise<number> {
  let deleted = 0;
  for (;;) {
    // work_log is append-only; trim_work_log is the one deletion its trigger lets through.
    const result = await pool.query<{ n: string }>('select trim_work_log($1, $2) as n', [
      retentionDays,
      sliceSize,
    ]);
    const slice = Number(result.rows[0]?.n ?? 0);
    deleted += slice;
    if (slice < sliceSize) return deleted;
  }
}
