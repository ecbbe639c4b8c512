import { AppError } from '@spark/contracts';
import type { NextFunction, Request, Response } from 'express';
import type { Knex } from 'knex';
import { decideGodAccess } from './access.js';
import { type GodAuditEntry, summariseGodBody, writeGodAudit } from './audit.js';
import { DEFAULT_GOD_PAYLOAD_LIMIT, parseByteSize } from './payload-limit.js';
import { readJsonBody } from './read-json-body.js';
import { GOD_GATE_PASSED, sendError, toAppError } from './respond.js';
import { findGodRoute, unknownGodAction } from './routes.js';

interface GateDependencies {
  database: Knex;
  env: Record<string, unknown>;
  logger: { error: (object: unknown, message?: string) => void };
}

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
export function createGodGate({ database, env, logger }: GateDependencies) {
  const payloadLimit = parseByteSize(env.MAX_PAYLOAD_SIZE as string | undefined, DEFAULT_GOD_PAYLOAD_LIMIT);
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
      const decision = decideGodAccess({
        configuredToken: typeof env.GOD_MODE_TOKEN === 'string' ? env.GOD_MODE_TOKEN : undefined,
        header: req.headers['x-god-token'],
        queryKeys: entry.queryKeys,
      });
      let rejection: AppError | undefined;
      if (!decision.allowed) {
        Object.assign(entry, { outcome: 'denied', reason: decision.reason, status: decision.error.status });
        rejection = decision.error;
      } else if (!route) {
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
      if (rejection && decision.allowed) {
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
