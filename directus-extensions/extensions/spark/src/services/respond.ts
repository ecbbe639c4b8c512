import type { Accountability } from '@directus/types';
import { AppError, validationError } from '@spark/contracts';
import { appErrorFromPostgres } from '@spark/db';
import type { Request, Response } from 'express';
import { ZodError, type z } from 'zod';
import { sendError, toAppError } from '../god/respond.js';

interface Logger {
  error(object: unknown, message?: string): void;
}

/**
 * Anything a producer throws, as the error the frontend's API would answer: catalogued AppErrors as they are,
 * zod issues as VALIDATION_FAILED, PostgreSQL input errors by the platform's SQLSTATE table, Directus's own
 * 4xx errors by status; the rest is an opaque 500 (logged).
 */
export function producerErrorOf(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(error);
  return appErrorFromPostgres(error) ?? toAppError(error);
}

export interface ProducerCall {
  req: Request;
  accountability: Accountability | null | undefined;
}

/** What a producer answers: a status and a JSON body (already in the route's response schema). */
export interface ProducerReply {
  status: number;
  body: unknown;
}

/**
 * Wraps a producer route: runs the handler and sends its reply, or the error in the project's envelope. An
 * uncaught rejection in an endpoint would take down the Directus process, so nothing escapes.
 */
export function producerRoute(logger: Logger, handler: (call: ProducerCall) => Promise<ProducerReply>) {
  return (req: Request, res: Response): void => {
    const accountability = (req as Request & { accountability?: Accountability | null }).accountability;
    handler({ req, accountability })
      .then((reply) => {
        res.status(reply.status).set('cache-control', 'no-store').json(reply.body);
      })
      .catch((error: unknown) => {
        const appError = producerErrorOf(error);
        if (appError.status >= 500)
          logger.error(error, `spark route ${req.method} ${req.originalUrl} failed`);
        if (!res.headersSent) sendError(res, appError);
      });
  };
}

/** The JSON body Directus already parsed, checked against the route's schema (a missing body is `{}`). */
export function parseBody<S extends z.ZodTypeAny>(req: Request, schema: S): z.infer<S> {
  const raw: unknown = req.body === undefined || req.body === null ? {} : req.body;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, 'Body');
  return parsed.data;
}
