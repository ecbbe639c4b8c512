import { mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beat, HEARTBEAT_MAX_AGE_MS, isHeartbeatFresh } from './heartbeat.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'spark-heartbeat-'));
  file = path.join(dir, 'worker.heartbeat');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const healthy = { ping: async () => 'PONG', pool: { query: async () => ({ rows: [] }) } } as const;

describe('the worker heartbeat', () => {
  it('writes the file once Redis and PostgreSQL both answered', async () => {
    await beat({ ...healthy, file } as never, new Date('2026-01-01T00:00:00Z'));
    expect(await readFile(file, 'utf8')).toBe('2026-01-01T00:00:00.000Z\n');
    expect(await isHeartbeatFresh(file)).toBe(true);
  });

  it('skips the beat when Redis or PostgreSQL fails', async () => {
    const down = async () => {
      throw new Error('ECONNREFUSED');
    };
    await expect(beat({ ...healthy, ping: down, file } as never)).rejects.toThrow('ECONNREFUSED');
    await expect(beat({ ...healthy, pool: { query: down }, file } as never)).rejects.toThrow('ECONNREFUSED');
    expect(await isHeartbeatFresh(file)).toBe(false);
  });

  it('counts a beat older than the allowed age, or none at all, as dead', async () => {
    expect(await isHeartbeatFresh(file)).toBe(false);
    await beat({ ...healthy, file } as never);
    const old = new Date(Date.now() - HEARTBEAT_MAX_AGE_MS - 1_000);
    await utimes(file, old, old);
    expect(await isHeartbeatFresh(file)).toBe(false);
    expect(await isHeartbeatFresh(file, HEARTBEAT_MAX_AGE_MS, old.getTime() + 1_000)).toBe(true);
  });
});
