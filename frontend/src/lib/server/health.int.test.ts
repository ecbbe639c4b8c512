import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@spark/devstack/src/ports.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const frontendUrl = process.env.FRONTEND_URL ?? '';
const entry = join(process.env.SPARK_FRONTEND_OUT_DIR ?? 'dist', 'server/main.mjs');

describe('GET /api/health', () => {
  it('answers 200 with every dependency up on the running stack', async () => {
    const response = await fetch(`${frontendUrl}/api/health`, { headers: { host: 'alpha.localhost' } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; services: Record<string, { status: string }> };
    expect(body.status).toBe('ok');
    expect(Object.values(body.services).map((s) => s.status)).toEqual(['up', 'up', 'up']);
  });

  describe('when Redis is unreachable', () => {
    let server: ChildProcess;
    let url = '';

    beforeAll(async () => {
      const port = await freePort();
      const deadRedis = await freePort();
      server = spawn(process.execPath, [entry], {
        env: {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: String(port),
          REDIS_URL: `redis://127.0.0.1:${deadRedis}`,
        },
        stdio: 'ignore',
      });
      url = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 100; i++) {
        const up = await fetch(`${url}/`).then(
          () => true,
          () => false,
        );
        if (up) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('second frontend did not start');
    });

    afterAll(() => {
      server.kill('SIGTERM');
    });

    it('answers 503 in the error envelope naming Redis, and the other services up', async () => {
      const response = await fetch(`${url}/api/health`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as {
        error: { code: string; message: string; details: { services: Record<string, { status: string }> } };
      };
      expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.error.message).toBe('Unavailable: redis');
      expect(body.error.details.services.redis?.status).toBe('down');
      expect(body.error.details.services.postgres?.status).toBe('up');
    });
  });
});
