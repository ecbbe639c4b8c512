import { AppError } from '@spark/contracts';
import { directusErrorOf } from '../services/directus-error.js';
import { producerErrorOf } from '../services/respond.js';

/**
 * Runs a hook's factory call and rethrows its refusal as a Directus error (status, code and a readable message,
 * the field for invalid input); a failure that is not the caller's (a 500) is rethrown as it is.
 */
export async function asDirectusRefusal<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const appError = producerErrorOf(error);
    if (appError.status >= 500 || !(appError instanceof AppError)) throw error;
    throw directusErrorOf(appError);
  }
}
