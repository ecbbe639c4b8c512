import { inputErrorOf } from '@spark/db/pg-errors';

/**
 * Directus translates unique, not-null, foreign-key, too-long and out-of-range errors itself; the others
 * in the platform's SQLSTATE table (a value our `check` constraints refuse, a malformed literal, a rule a
 * trigger enforces) are still the caller's fault. Returned as the sentence to show; undefined = not an input
 * error, or one Directus answers on its own.
 */
const TRANSLATED_BY_DIRECTUS = new Set(['23505', '23502', '23503', '22001', '22003']);

export function describeInputError(error: unknown): string | undefined {
  const input = inputErrorOf(error);
  if (!input || TRANSLATED_BY_DIRECTUS.has(input.fields.code ?? '')) return undefined;
  const { code, message, constraint } = input.fields;
  // Trigger messages (P0001) are written for people; constraint names say which rule failed.
  if (code === 'P0001' && message) return `The change breaks a data rule: ${message}`;
  return constraint ? `${input.message} (${constraint})` : input.message;
}
