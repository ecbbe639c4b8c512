/**
 * PostgreSQL errors Directus does not translate itself (it maps unique, not-null, foreign-key, too-long and
 * out-of-range) but that are still the caller's fault: a value our `check` constraints refuse, a malformed
 * literal, or a rule a trigger enforces. Returned as the sentence to show; undefined = not an input error.
 */
const INPUT_ERROR_CODES: Record<string, string> = {
  '23514': 'A value is outside what the field allows',
  '22P02': 'A value has the wrong format',
  '22007': 'A date or time has the wrong format',
  '22008': 'A date or time is out of range',
  '2201B': 'A pattern is not a valid regular expression',
  '22023': 'A value is not valid for this field',
  '22021': 'Text contains a character the database cannot store (NUL)',
  '22P05': 'JSON contains a character the database cannot store (\\u0000)',
  P0001: 'The change breaks a data rule',
};

export function describeInputError(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { code, message, constraint } = error as { code?: unknown; message?: unknown; constraint?: unknown };
  if (typeof code !== 'string' || !(code in INPUT_ERROR_CODES)) return undefined;
  const base = INPUT_ERROR_CODES[code] ?? 'Invalid value';
  // Trigger messages (P0001) are written for people; constraint names say which rule failed.
  if (code === 'P0001' && typeof message === 'string') return `${base}: ${message}`;
  return typeof constraint === 'string' ? `${base} (${constraint})` : base;
}
