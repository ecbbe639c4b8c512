import { AppError, type ErrorCode } from '@spark/contracts';
import type { NextFunction, Request, Response } from 'express';

/** Set on `res.locals` by the god gate once the token was accepted and the call audited. */
export const GOD_GATE_PASSED = 'sparkGodGatePassed';

interface Logger {
  error: (object: unknown, message?: string) => void;
}

const CODE_FOR_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Translates anything thrown into the project's error envelope (`{ error: { code, message, details? } }`). Directus's own errors (thrown by its services) carry a
 * status and a caller-safe message, so 4xx ones keep their message; everything else becomes an opaque 500.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // Directus's validation throws an array of errors, one per failed rule.
  if (Array.isArray(error) && error.length > 0) {
    const first = toAppError(error[0]);
    if (first.status >= 500) return first;
    const messages = error.map((item) => (item instanceof Error ? item.message : String(item)));
    return new AppError(first.code, messages.join('; '));
  }
  if (error && typeof error === 'object' && 'status' in error && typeof error.status === 'number') {
    const code = CODE_FOR_STATUS[error.status];
    const message = 'message' in error && typeof error.message === 'string' ? error.message : 'Rejected';
    if (code && error.status < 500) return new AppError(code, message);
  }
  return new AppError('INTERNAL', 'Internal error; the details are in the Directus log');
}

export function sendError(res: Response, error: AppError): void {
  res.status(error.status).json(error.toEnvelope());
}

type GodHandler = (req: Request, res: Response) => Promise<void>;

/**
 * Wraps an async god handler: refuses to run unless the gate passed the request (so a route can never be
 * reached around the gate), and turns every rejection into an envelope — an uncaught rejection in an endpoint
 * would take down the whole Directus process.
 */
export function godHandler(logger: Logger, handler: GodHandler) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (res.locals[GOD_GATE_PASSED] !== true) {
      sendError(res, new AppError('NOT_FOUND', 'Not found'));
      return;
    }
    handler(req, res).catch((error: unknown) => {
      const appError = toAppError(error);
      if (appError.status >= 500) logger.error(error, `god route ${req.method} ${req.originalUrl} failed`);
      if (res.headersSent) next(error);
      else sendError(res, appError);
    });
  };
}
