import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { directusConfigFrom } from '@spark/devstack/config';
import { startDirectus } from '@spark/devstack/directus';
import { freePort, stopServices } from '@spark/devstack/processes';

const repoRoot = resolve(import.meta.dirname, '../../../../..');

/**
 * Starts another Directus process on the test stack's database and Redis, started exactly the way the dev
 * orchestrator starts Directus but with different environment values (e.g. GOD_MODE_TOKEN unset).
 */
export async function startSecondDirectus(overrides: Record<string, string>) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'spark-directus-'));
  const env = { ...(process.env as Record<string, string>), DIRECTUS_PORT: String(port), ...overrides };
  const config = { ...directusConfigFrom(env, repoRoot, dataDir), logLevel: 'warn' };
  const service = await startDirectus(config, false);
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await stopServices([service]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
