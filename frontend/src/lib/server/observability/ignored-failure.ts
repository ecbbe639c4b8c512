import type { Logger } from '@spark/observability';
import { log } from './logger.js';

/** At most one line per kind of ignored failure in this window; the next line says how many were left out. */
const WINDOW_MS = 60_000;
const recent = new Map<string, { loggedAt: number; suppressed: number }>();

/**
 * Logs a failure the caller deliberately survives (a Redis cache read or write, a counter): such paths run on
 * every request, so during an outage the first failure of each kind is logged and the rest are counted, one
 * line a minute — enough to see the problem without a line per request.
 */
export function logIgnoredFailure(
  what: string,
  error: unknown,
  logger: Pick<Logger, 'warn'> = log(),
  now = Date.now(),
): void {
  const seen = recent.get(what);
  if (seen && now - seen.loggedAt < WINDOW_MS) {
    seen.suppressed++;
    return;
  }
  const suppressed = seen?.suppressed ?? 0;
  recent.set(what, { loggedAt: now, suppressed: 0 });
  logger.warn(
    { err: error, ...(suppressed > 0 ? { suppressed } : {}) },
    `${what} failed; carrying on without it`,
  );
}

/** `promise.catch(ignoreFailure('…'))` for a best-effort call. */
export const ignoreFailure =
  (what: string) =>
  (error: unknown): void =>
    logIgnoredFailure(what, error);
