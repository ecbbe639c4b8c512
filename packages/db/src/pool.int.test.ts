import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from './pool.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from './testing.js';

describe('database pools', { timeout: 30_000 }, () => {
  let db: ThrowawayDatabase;
  beforeAll(async () => {
    db = await createThrowawayDatabase();
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('cancel a statement that runs past the statement timeout, 30 s unless configured', async () => {
    const fallback = createPool(db.url, { max: 1 });
    const short = createPool(db.url, { max: 1, statementTimeoutMs: 200 });
    try {
      expect((await fallback.query<{ statement_timeout: string }>('show statement_timeout')).rows[0]).toEqual(
        {
          statement_timeout: '30s',
        },
      );
      const started = Date.now();
      const error = await short.query('select pg_sleep(5)').then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(pg.DatabaseError);
      expect((error as pg.DatabaseError).code).toBe('57014');
      expect(Date.now() - started).toBeLessThan(2000);
      // The connection survives the cancellation and serves the next query.
      expect((await short.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await Promise.all([fallback.end(), short.end()]);
    }
  });

  it('give up on a server that accepts the connection but never answers, after the connect timeout', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const pool = createPool(`postgres://nobody:x@127.0.0.1:${port}/none`, { max: 1, connectTimeoutMs: 300 });
    try {
      const started = Date.now();
      await expect(pool.query('select 1')).rejects.toThrow(/timeout/i);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await pool.end();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
