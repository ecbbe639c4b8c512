import { AppError } from '@spark/contracts';
import type { NextFunction, Request, Response } from 'express';
import type { Knex } from 'knex';
import { clientBucket } from '../throttle/client-bucket.js';
import type { WindowCounter } from '../throttle/window-counter.js';
import { decideGodAccess } from './access.js';
import { type GodAuditEntry, summariseGodBody, writeDeniedSummaries, writeGodAudit } from './audit.js';
import { DeniedAttemptLog } from './denied-attempts.js';
import { DEFAULT_GOD_PAYLOAD_LIMIT, parseByteSize } from './payload-limit.js';
import { readJsonBody } from './read-json-body.js';
import { GOD_GATE_PASSED, sendError, toAppError } from './respond.js';
import { findGodRoute, unknownGodAction } from './routes.js';

interface GateDependencies {
  database: Knex;
  env: Record<string, unknown>;
  logger: { error: (object: unknown, message?: string) => void };
  /** Shared counts of refused calls per address; Redis-backed so every Directus instance sees them. */
  deniedCounter: WindowCounter;
}

/** Refused calls per address and window before the gate answers 429 without looking at the token. */
export const DEFAULT_GOD_DENIED_LIMIT = 30;
export const DEFAULT_GOD_DENIED_WINDOW_SECONDS = 60;

const positiveInteger = (value: unknown, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

const attemptOf = (req: Request, entry: GodAuditEntry, reason: string) => ({
  ip: clientBucket(entry.ip ?? undefined),
  reason,
  method: req.method,
  path: entry.path,
  userAgent: entry.userAgent,
  at: new Date(),
});

/** Express matches routes case-insensitively and ignores a trailing slash, so the gate must too. */
function godPath(req: Request): string | undefined {
  const pathname = req.path.toLowerCase();
  return pathname === '/god' || pathname.startsWith('/god/') ? pathname : undefined;
}

/** Parameter names only; URLSearchParams never throws, whatever the client sent. */
function queryKeysOf(req: Request): string[] {
  const query = req.originalUrl.split('?').slice(1).join('?');
  return [...new Set(new URLSearchParams(query).keys())];
}

/**
 * The single entrance to god mode, mounted before Directus's authentication and body parser: decides access from
 * the X-God-Token header, reads the JSON body under MAX_PAYLOAD_SIZE, writes the audit row, and only then lets
 * the endpoint run. A failure to audit fails closed.
 */
export function createGodGate({ database, env, logger, deniedCounter }: GateDependencies) {
  const payloadLimit = parseByteSize(env.MAX_PAYLOAD_SIZE as string | undefined, DEFAULT_GOD_PAYLOAD_LIMIT);
  const deniedLimit = positiveInteger(env.SPARK_GOD_DENIED_LIMIT, DEFAULT_GOD_DENIED_LIMIT);
  const deniedWindow = positiveInteger(
    env.SPARK_GOD_DENIED_WINDOW_SECONDS,
    DEFAULT_GOD_DENIED_WINDOW_SECONDS,
  );
  // How often the summed refusals are written: one row per address per interval.
  const summaryInterval = positiveInteger(env.SPARK_GOD_DENIED_SUMMARY_SECONDS, deniedWindow);
  const denied = new DeniedAttemptLog();
  const flushDenied = () =>
    writeDeniedSummaries(database, denied.drain()).catch((error: unknown) =>
      logger.error(error, 'god gate: could not write the summary of refused calls'),
    );
  // Unref'd: the summary timer must not keep a stopping Directus alive.
  setInterval(flushDenied, summaryInterval * 1000).unref();

  /**
   * An address past its budget of refused calls is answered 429 before its token is even compared, so guessing
   * stays slow whatever it sends; the call still counts. Returns true when it answered.
   */
  async function throttled(req: Request, res: Response, entry: GodAuditEntry): Promise<boolean> {
    const ip = clientBucket(entry.ip ?? undefined);
    const [count] = await deniedCounter.read([ip]);
    if ((count?.count ?? 0) < deniedLimit) return false;
    const [after] = await deniedCounter.hit([ip], deniedWindow);
    denied.add(attemptOf(req, entry, 'throttled'), true);
    res.set('Retry-After', String(Math.max(1, after?.resetsIn ?? deniedWindow)));
    sendError(
      res,
      new AppError('RATE_LIMITED', 'Too many refused god-mode calls from this address; retry later'),
    );
    return true;
  }

  /** A refused call: counted against its address, summed for the log (no row of its own), answered. */
  async function refuse(req: Request, res: Response, entry: GodAuditEntry, error: AppError, reason: string) {
    await deniedCounter.hit([clientBucket(entry.ip ?? undefined)], deniedWindow);
    denied.add(attemptOf(req, entry, reason), false);
    sendError(res, error);
  }

  async function decideAndAudit(
    req: Request,
    res: Response,
    next: NextFunction,
    path: string,
  ): Promise<void> {
    const route = findGodRoute(req.method, path);
    const entry: GodAuditEntry = {
      action: route?.action ?? unknownGodAction(path),
      outcome: 'allowed',
      method: req.method,
      path,
      queryKeys: queryKeysOf(req),
      ip: req.ip ?? null,
      userAgent: req.get('user-agent')?.slice(0, 200) ?? null,
    };
    try {
      if (await throttled(req, res, entry)) return;
      const decision = decideGodAccess({
        configuredToken: typeof env.GOD_MODE_TOKEN === 'string' ? env.GOD_MODE_TOKEN : undefined,
        header: req.headers['x-god-token'],
        queryKeys: entry.queryKeys,
      });
      if (!decision.allowed) {
        await refuse(req, res, entry, decision.error, decision.reason);
        return;
      }
      let rejection: AppError | undefined;
      if (!route) {
        rejection = new AppError('NOT_FOUND', `There is no god route ${req.method} ${path}`);
      } else if (route.method === 'POST') {
        try {
          req.body = (await readJsonBody(req, payloadLimit)) ?? {};
          // Directus runs Express 4, whose body parser skips a request only when `_body` says it was read.
          (req as Request & { _body?: boolean })._body = true;
          entry.request = summariseGodBody(req.body);
        } catch (error) {
          rejection = toAppError(error);
        }
      }
      if (rejection) {
        Object.assign(entry, { outcome: 'rejected', reason: rejection.message, status: rejection.status });
      }
      await writeGodAudit(database, entry);
      if (rejection) {
        sendError(res, rejection);
        return;
      }
      res.locals[GOD_GATE_PASSED] = true;
      next();
    } catch (error) {
      logger.error(error, 'god gate failed (audit not written); refusing the call');
      if (!res.headersSent)
        sendError(
          res,
          new AppError('SERVICE_UNAVAILABLE', 'God mode is unavailable: the call could not be audited'),
        );
    }
  }

  // Express 4 ignores the promise of an async middleware: a rejection would be unhandled and end the process.
  return function godGate(req: Request, res: Response, next: NextFunction): void {
    const path = godPath(req);
    if (path) decideAndAudit(req, res, next, path).catch(next);
    else next();
  };
}
