import { AppError, type ErrorCode } from '@spark/contracts';

/**
 * The one SQLSTATE → error table of the platform: PostgreSQL rejections that mean "the input was wrong", with
 * the catalogued code the caller gets and a sentence saying what to fix. The frontend's routes, the worker and
 * the Directus bundle all answer from it, so the same bad value gets the same answer through every door.
 * Pure (no `pg` import), so the Directus bundle can use it without the pool.
 */
export const SQLSTATE_INPUT_ERRORS: Readonly<Record<string, { code: ErrorCode; message: string }>> = {
  '23505': { code: 'CONFLICT', message: 'A row with the same unique value already exists' },
  '23503': { code: 'VALIDATION_FAILED', message: 'A referenced row does not exist' },
  '23502': { code: 'VALIDATION_FAILED', message: 'A required value is missing' },
  '23514': { code: 'VALIDATION_FAILED', message: 'A value is outside what the field allows' },
  '22P02': {
    code: 'VALIDATION_FAILED',
    message: 'A value has the wrong format (for example an invalid UUID)',
  },
  '22007': { code: 'VALIDATION_FAILED', message: 'A date or time has the wrong format' },
  '22008': { code: 'VALIDATION_FAILED', message: 'A date or time is out of range' },
  '22001': { code: 'VALIDATION_FAILED', message: 'A value is too long' },
  '22003': { code: 'VALIDATION_FAILED', message: 'A number is out of range' },
  '22023': { code: 'VALIDATION_FAILED', message: 'A value is not valid for this field' },
  '2201B': { code: 'VALIDATION_FAILED', message: 'A pattern is not a valid regular expression' },
  // NUL in text (22021) or a \u0000 escape in jsonb (22P05): PostgreSQL cannot store U+0000.
  '22021': { code: 'BAD_REQUEST', message: 'Text may not contain NUL characters (\\u0000)' },
  '22P05': { code: 'BAD_REQUEST', message: 'Text may not contain NUL characters (\\u0000)' },
  // Trigger rules (`raise exception`): their messages are written for people.
  P0001: { code: 'VALIDATION_FAILED', message: 'The change breaks a data rule' },
};

/** Connection-level failures: the database is down or restarting, not the caller's fault. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006']);
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|the database system is (starting|shutting) up/i;

export interface PostgresErrorFields {
  code?: string;
  message?: string;
  detail?: string;
  constraint?: string;
  column?: string;
}

function fieldsOf(error: unknown): PostgresErrorFields | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { code, message, detail, constraint, column } = error as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    code: text(code),
    message: text(message),
    detail: text(detail),
    constraint: text(constraint),
    column: text(column),
  };
}

/** The table's entry for an error PostgreSQL raised because of the input, or undefined. */
export function inputErrorOf(
  error: unknown,
): { code: ErrorCode; message: string; fields: PostgresErrorFields } | undefined {
  const fields = fieldsOf(error);
  const entry = fields?.code ? SQLSTATE_INPUT_ERRORS[fields.code] : undefined;
  if (!fields || !entry) return undefined;
  // A trigger's own message says which rule failed; constraint names do the same for the others.
  const message = fields.code === 'P0001' && fields.message ? fields.message : entry.message;
  return { code: entry.code, message, fields };
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const fields = fieldsOf(error);
  if (!fields) return false;
  return (
    (fields.code !== undefined && UNAVAILABLE_SQLSTATES.has(fields.code)) ||
    (fields.message !== undefined && UNAVAILABLE_MESSAGE.test(fields.message))
  );
}

/**
 * A PostgreSQL error as the catalogued AppError a caller gets: input errors → 4xx saying what to fix,
 * connection failures → 503, anything else undefined (a bug: the caller answers 500 and logs it).
 */
export function appErrorFromPostgres(error: unknown): AppError | undefined {
  const input = inputErrorOf(error);
  if (input) {
    const { detail, constraint } = input.fields;
    return new AppError(
      input.code,
      detail ? `${input.message}: ${detail}` : input.message,
      constraint ? { constraint } : undefined,
    );
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError('SERVICE_UNAVAILABLE', 'A backing service is unavailable; retry shortly');
  }
  return undefined;
}
