import { join } from 'node:path';
import type { DirectusConfig } from './directus.js';

/** Builds the Directus settings from the platform environment (.env for dev, generated values for tests). */
export function directusConfigFrom(
  env: Record<string, string>,
  repoRoot: string,
  dataDir: string,
): DirectusConfig {
  const required = (key: string) => {
    const value = env[key];
    if (!value) throw new Error(`${key} is missing from the environment (.env)`);
    return value;
  };
  const port = Number(env.DIRECTUS_PORT ?? 8055);
  return {
    repoRoot,
    port,
    publicUrl: env.PUBLIC_DIRECTUS_URL ?? `http://localhost:${port}`,
    databaseUrl: required('DATABASE_URL'),
    redisUrl: required('REDIS_URL'),
    key: required('KEY'),
    secret: required('SECRET'),
    adminEmail: required('ADMIN_EMAIL'),
    adminPassword: required('ADMIN_PASSWORD'),
    adminToken: required('DIRECTUS_ADMIN_TOKEN'),
    godModeToken: env.GOD_MODE_TOKEN ?? '',
    corsOrigin: env.CORS_ORIGIN ?? 'true',
    uploadsDir: join(dataDir, 'uploads'),
    maxPayloadSize: env.MAX_PAYLOAD_SIZE ?? '50mb',
  };
}
