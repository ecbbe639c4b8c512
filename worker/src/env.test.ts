import { describe, expect, it } from 'vitest';
import { parseWorkerEnv } from './env.js';

describe('parseWorkerEnv', () => {
  it('names the missing variables', () => {
    expect(() => parseWorkerEnv({})).toThrow(/DATABASE_URL.*REDIS_URL/);
  });

  it('applies defaults for concurrency and retention', () => {
    const env = parseWorkerEnv({ DATABASE_URL: 'postgres://u:p@h/db', REDIS_URL: 'redis://h:6379' });
    expect(env.WORKER_CONCURRENCY).toBe(4);
    expect(env.WORK_LOG_RETENTION_DAYS).toBe(90);
  });
});
