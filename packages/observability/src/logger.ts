import { createRequire } from 'node:module';
import { type DestinationStream, type Logger, pino } from 'pino';
import { z } from 'zod';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const loggingEnvSchema = z.object({
  LOG_LEVEL: z
    .preprocess((value) => (value === '' ? undefined : value), z.enum(LOG_LEVELS).default('info'))
    .describe('LOG_LEVEL'),
  /** `json` or `pretty`; unset: pretty outside production when pino-pretty is installed, JSON otherwise. */
  LOG_FORMAT: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(['json', 'pretty']).optional(),
  ),
  NODE_ENV: z.string().optional(),
});

export interface LoggingSettings {
  level: LogLevel;
  format: 'json' | 'pretty' | 'auto';
  production: boolean;
}

/** Reads LOG_LEVEL / LOG_FORMAT / NODE_ENV; a bad value stops the process at start with the variable named. */
export function loggingSettingsFrom(env: NodeJS.ProcessEnv): LoggingSettings {
  const parsed = loggingEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid logging environment — ${problems}`);
  }
  return {
    level: parsed.data.LOG_LEVEL,
    format: parsed.data.LOG_FORMAT ?? 'auto',
    production: parsed.data.NODE_ENV === 'production',
  };
}

/**
 * pino-pretty is a development dependency: production images install production dependencies only, so it is
 * looked up at run time (relative to the running bundle) and its absence simply means JSON.
 */
function prettyStream(settings: LoggingSettings): DestinationStream | undefined {
  if (settings.format === 'json' || (settings.format === 'auto' && settings.production)) return undefined;
  try {
    const pretty = createRequire(import.meta.url)('pino-pretty') as (options: object) => DestinationStream;
    return pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    if (settings.format === 'pretty')
      process.stderr.write('LOG_FORMAT=pretty, but pino-pretty is not installed\n');
    return undefined;
  }
}

/** Keys whose values never reach a log line, at the top level or one object down. */
const REDACTED = ['authorization', 'cookie', 'password', 'token', 'secret'].flatMap((key) => [
  key,
  `*.${key}`,
]);

/**
 * The process logger: one JSON object per line (`level` as a word, ISO `time`, `service`), or pino-pretty's
 * coloured lines in development. Child loggers add context (`reqId`, `jobId`, `queue`) to every line they write.
 */
export function createLogger(
  service: string,
  env: NodeJS.ProcessEnv = process.env,
  destination?: DestinationStream,
): Logger {
  const settings = loggingSettingsFrom(env);
  const pretty = destination ? undefined : prettyStream(settings);
  return pino(
    {
      level: settings.level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED, censor: '[redacted]' },
      // Words are what operators grep for; pino-pretty reads pino's numbers, so it keeps them.
      ...(pretty ? {} : { formatters: { level: (label: string) => ({ level: label }) } }),
    },
    destination ?? pretty ?? pino.destination({ sync: false }),
  );
}

/** The `message` of anything thrown, for the one-line summaries where a full `err` object would be noise. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
