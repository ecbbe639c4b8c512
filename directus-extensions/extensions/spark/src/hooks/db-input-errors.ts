import { InvalidPayloadError } from '@directus/errors';
import type { HookConfig } from '@directus/types';
import type { NextFunction, Request, Response } from 'express';
import { describeInputError } from '../data/db-input-errors.js';

/**
 * Bad input must never be a 500. Directus answers PostgreSQL errors it does not know (check constraints,
 * malformed literals, trigger rules) with 500; this error middleware, placed after every route and before
 * Directus's error handler, turns them into its 400 INVALID_PAYLOAD. Anything else passes through unchanged.
 */
const dbInputErrorsHook: HookConfig = ({ init }) => {
  init('routes.custom.after', ({ app }) => {
    app.use((error: unknown, _request: Request, _response: Response, next: NextFunction) => {
      const reason = describeInputError(error);
      next(reason ? new InvalidPayloadError({ reason }) : error);
    });
  });
};

export default dbInputErrorsHook;
