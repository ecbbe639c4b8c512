import { AppError } from '@spark/contracts';
import { inputErrorOf } from '@spark/db/pg-errors';

/**
 * Errors only a bulk upsert statement raises; everything else comes from the platform's SQLSTATE table. */
const UPSERT_ERRORS: Record<string, string> = {
  XX000: 'A value was rejected (e.g. invalid GeoJSON)',
  '42P10': 'The upsert key is not a unique or primary key',
  '21000': 'Two rows in the batch target the same key',
};

/**
 * Turns a database rejection inside a bulk write into an envelope that says what to fix and which rows the
 * failing statement held (Postgres reports the constraint, not the row index).
 */
export function translateWriteError(error: unknown, rows: { first: number; last: number }): unknown {
  const fields = error as {
    code?: unknown;
    message?: unknown;
    detail?: unknown;
    constraint?: unknown;
    column?: unknown;
  };
  const pgCode = typeof fields?.code === 'string' ? fields.code : undefined;
  const input = inputErrorOf(error);
  const upsert = pgCode ? UPSERT_ERRORS[pgCode] : undefined;
  if (!pgCode || (!input && !upsert)) return error;
  const what = input?.message ?? upsert ?? '';
  const reason = typeof fields.detail === 'string' ? fields.detail : String(fields.message ?? '');
  return new AppError(input?.code ?? 'VALIDATION_FAILED', `Nothing was written: ${what} (${reason})`, {
    rows,
    pgCode,
    ...(typeof fields.constraint === 'string' ? { constraint: fields.constraint } : {}),
    ...(typeof fields.column === 'string' ? { column: fields.column } : {}),
  });
}
