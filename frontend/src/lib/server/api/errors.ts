import { AppError, validationError } from '@spark/contracts';
import { appErrorFromPostgres } from '@spark/db';
import { ZodError } from 'zod';

/**
 * Maps anything thrown by a route to a catalogued AppError (PostgreSQL errors through the platform's one
 * SQLSTATE table in `@spark/db`); unknown errors stay unknown (→ 500, logged).
 */
export function catalogErrorOf(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(error);
  return appErrorFromPostgres(error);
}
