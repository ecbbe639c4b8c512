import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@spark/devstack/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, callApi, editorToken } from '../../testing/http.js';

const entry = join(process.env.SPARK_FRONTEND_OUT_DIR ?? 'dist', 'server/main.mjs');

const HEALTH_TOKEN = 'health-probe-token-for-tests';

describe('GET /api/health', () => {
  it('tells an anonymous caller on a tenant host only the overall status', async () => {
    const answer = await callApi('/api/health', { host: 'alpha.localhost' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ok' });
  });

  it('shows an admin token every dependency, and refuses a site editor or a made-up token', async () => {
    const admin = await callApi<{ services: Record<string, { status: string }> }>('/api/health', {
      host: 'alpha.localhost',
      token: adminToken(),
    });
    expect(admin.status).toBe(200);
    expect(Object.values(admin.body.services).map((s) => s.status)).toEqual(['up', 'up', 'up']);
    const editor = await callApi('/api/health', {
      host: 'alpha.localhost',
      token: editorToken('alpha.localhost'),
    });
    expect(editor.status).toBe(403);
    const forged = await callApi('/api/health', { token: 'x'.repeat(40) });
    expect(forged.status).toBe(401);
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
          HEALTH_TOKEN,
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

    it('answers 503 without internals to anonymous callers', async () => {
      const response = await fetch(`${url}/api/health`);
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(JSON.parse(text).error.code).toBe('SERVICE_UNAVAILABLE');
      expect(text).not.toMatch(/redis|ECONNREFUSED|127\.0\.0\.1|services/i);
    });

    it('answers 503 in the error envelope naming Redis, and the other services up, to HEALTH_TOKEN', async () => {
      const response = await fetch(`${url}/api/health`, {
        headers: { authorization: `Bearer ${HEALTH_TOKEN}` },
      });
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
