import { AppError, validationError } from '@spark/contracts';
import { ZodError } from 'zod';

/** PostgreSQL SQLSTATEs that mean "your input was wrong", and what we tell the caller. */
const INPUT_ERRORS: Record<string, [AppError['code'], string]> = {
  '23505': ['CONFLICT', 'A row with the same unique value already exists'],
  '23503': ['VALIDATION_FAILED', 'A referenced row does not exist'],
  '23514': ['VALIDATION_FAILED', 'A value is outside what the field allows'],
  '23502': ['VALIDATION_FAILED', 'A required value is missing'],
  '22P02': ['BAD_REQUEST', 'A value has the wrong format (for example an invalid UUID)'],
  '22001': ['VALIDATION_FAILED', 'A value is too long'],
  '22003': ['VALIDATION_FAILED', 'A number is out of range'],
  // NUL in text (22021) or a \u0000 escape in jsonb (22P05): PostgreSQL cannot store U+0000.
  '22021': ['BAD_REQUEST', 'Text may not contain NUL characters (\\u0000)'],
  '22P05': ['BAD_REQUEST', 'Text may not contain NUL characters (\\u0000)'],
};

/** Connection-level failures: the database is down or restarting, not the caller's fault. */
const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|the database system is (starting|shutting) up/i;
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006']);

/** Maps anything thrown by a route to a catalogued AppError; unknown errors stay unknown (→ 500, logged). */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(error);
  if (!error || typeof error !== 'object') return undefined;
  const { code, message, detail, constraint } = error as {
    code?: string;
    message?: string;
    detail?: string;
    constraint?: string;
  };
  if (code && INPUT_ERRORS[code]) {
    const [appCode, text] = INPUT_ERRORS[code];
    return new AppError(
      appCode,
      detail ? `${text}: ${detail}` : text,
      constraint ? { constraint } : undefined,
    );
  }
  if ((code && UNAVAILABLE_SQLSTATES.has(code)) || (message && UNAVAILABLE.test(message))) {
    return new AppError('SERVICE_UNAVAILABLE', 'A backing service is unavailable; retry shortly');
  }
  if (code === 'P0001' && message) return new AppError('VALIDATION_FAILED', message);
  return undefined;
}
