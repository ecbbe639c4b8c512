import pg from 'pg';

export type { Pool, PoolClient } from 'pg';

/**
 * A pool that cannot reach PostgreSQL fails a request in seconds instead of queueing it forever, and a
 * runaway statement (a bad plan, a lock wait) is cancelled by the server instead of holding a connection.
 */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

export interface PoolOptions {
  max?: number;
  /** How long to wait for a connection (new or from the pool); 0 waits forever. */
  connectTimeoutMs?: number;
  /** Server-side `statement_timeout` of every connection; 0 disables it. */
  statementTimeoutMs?: number;
  /** Idle clients whose connection dies (a Postgres restart) are dropped by the pool; this hears about it. */
  onIdleClientError?: (error: Error) => void;
}

export function createPool(databaseUrl: string, options: PoolOptions = {}): pg.Pool {
  if (!databaseUrl) throw new Error('createPool: the database URL is empty');
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
  });
  // Without a listener, an idle client's connection error crashes the process; with one, the pool
  // discards the client and the next query reconnects, so the app recovers without a restart.
  pool.on(
    'error',
    options.onIdleClientError ??
      ((error) =>
        process.emitWarning(`idle PostgreSQL client failed: ${error.message}`, 'PostgresPoolWarning')),
  );
  return pool;
}

/** Runs `fn` inside BEGIN/COMMIT on one client; rolls back and rethrows if it throws. */
export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await fn(client);
    await client.query('commit');
    client.release();
    return result;
  } catch (error) {
    try {
      await client.query('rollback');
      client.release();
    } catch (rollbackError) {
      // The connection is unusable: destroy it rather than hand it back to the pool.
      client.release(rollbackError instanceof Error ? rollbackError : true);
    }
    throw error;
  }
}
