import { AppError } from '@spark/contracts';

interface PostgresError {
  code: string;
  message: string;
  detail?: string;
  constraint?: string;
  column?: string;
}

const isPostgresError = (error: unknown): error is PostgresError =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as { code?: unknown }).code === 'string' &&
  /^[0-9A-Z]{5}$/.test((error as { code: string }).code);

/** SQLSTATEs that mean "the rows are wrong", answered as 4xx instead of an opaque 500. */
const CLIENT_ERRORS: Record<string, { code: 'CONFLICT' | 'VALIDATION_FAILED'; what: string }> = {
  '23505': { code: 'CONFLICT', what: 'a unique value already exists' },
  '23503': { code: 'VALIDATION_FAILED', what: 'a referenced row does not exist' },
  '23502': { code: 'VALIDATION_FAILED', what: 'a required column is null' },
  '23514': { code: 'VALIDATION_FAILED', what: 'a value is not allowed by a check constraint' },
  '22P02': { code: 'VALIDATION_FAILED', what: 'a value has the wrong format' },
  '22007': { code: 'VALIDATION_FAILED', what: 'a date/time value has the wrong format' },
  '22008': { code: 'VALIDATION_FAILED', what: 'a date/time value is out of range' },
  '22003': { code: 'VALIDATION_FAILED', what: 'a number is out of range' },
  '22001': { code: 'VALIDATION_FAILED', what: 'a string is too long for its column' },
  '22023': { code: 'VALIDATION_FAILED', what: 'a value is invalid' },
  XX000: { code: 'VALIDATION_FAILED', what: 'a value was rejected (e.g. invalid GeoJSON)' },
  '42P10': { code: 'VALIDATION_FAILED', what: 'the upsert key is not a unique or primary key' },
  '21000': { code: 'VALIDATION_FAILED', what: 'two rows in the batch target the same key' },
};

/**
 * Turns a database rejection inside a bulk write into an envelope that says what to fix and which rows the
 * failing statement held (Postgres reports the constraint, not the row index).
 */
export function translateWriteError(error: unknown, rows: { first: number; last: number }): unknown {
  if (!isPostgresError(error)) return error;
  const known = CLIENT_ERRORS[error.code];
  if (!known) return error;
  return new AppError(known.code, `Nothing was written: ${known.what} (${error.detail ?? error.message})`, {
    rows,
    pgCode: error.code,
    ...(error.constraint ? { constraint: error.constraint } : {}),
    ...(error.column ? { column: error.column } : {}),
  });
}
