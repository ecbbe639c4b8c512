import { createDirectus, rest, staticToken } from '@directus/sdk';
import { AppError, type LibraryCollection } from '@spark/contracts';
import { serverEnv } from '../env.js';
import { requestIdHeader } from '../observability/request-context.js';

/** A library row as Directus returns it: every column (`fields: ['*']`). */
export type DirectusRow = { id: string; site_id: string | null } & Record<string, unknown>;
type LibrarySchema = Record<LibraryCollection, DirectusRow[]>;

/**
 * A Directus client that acts as the caller: their own token (a static token, or the session's access token
 * kept server side), so Directus applies their policies to every read and write. Never the admin token here.
 */
export function directusAs(token: string) {
  return createDirectus<LibrarySchema>(serverEnv().DIRECTUS_INTERNAL_URL)
    .with(staticToken(token))
    .with(
      rest({
        onRequest: (options) => ({
          ...options,
          headers: { ...(options.headers as Record<string, string>), ...requestIdHeader() },
          signal: AbortSignal.timeout(10_000),
        }),
      }),
    );
}

interface DirectusIssue {
  message?: string;
  extensions?: { code?: string; field?: string | null; collection?: string };
}

/** The SDK rejects with Directus's error body (`{errors: [...]}`) plus the response; network failures are plain Errors. */
function directusIssues(error: unknown): DirectusIssue[] | null {
  if (typeof error !== 'object' || error === null || !('errors' in error)) return null;
  const { errors } = error as { errors: unknown };
  return Array.isArray(errors) ? (errors as DirectusIssue[]) : null;
}

/** Directus's codes for input a caller can fix, and the status each maps to in our catalog. */
const INPUT_CODES: Record<string, 'VALIDATION_FAILED' | 'CONFLICT' | 'BAD_REQUEST'> = {
  FAILED_VALIDATION: 'VALIDATION_FAILED',
  INVALID_FOREIGN_KEY: 'VALIDATION_FAILED',
  CONTAINS_NULL_VALUES: 'VALIDATION_FAILED',
  NOT_NULL_VIOLATION: 'VALIDATION_FAILED',
  VALUE_OUT_OF_RANGE: 'VALIDATION_FAILED',
  VALUE_TOO_LONG: 'VALIDATION_FAILED',
  RECORD_NOT_UNIQUE: 'CONFLICT',
  INVALID_PAYLOAD: 'BAD_REQUEST',
  INVALID_QUERY: 'BAD_REQUEST',
};

/**
 * A Directus failure in the project's error envelope, naming the field Directus blamed. FORBIDDEN is Directus's
 * answer both for a row the policies hide and for one they keep read-only (it does not tell which).
 */
export function translateDirectusError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  const issues = directusIssues(error);
  if (!issues) {
    return new AppError('SERVICE_UNAVAILABLE', 'The content service (Directus) is unreachable; try again');
  }
  const issue = issues[0] ?? {};
  const code = issue.extensions?.code ?? '';
  const field = issue.extensions?.field ?? null;
  if (code === 'FORBIDDEN') {
    return new AppError(
      'FORBIDDEN',
      `You may not change this ${what}: it is another site’s or the shared library’s (read-only for site editors)`,
    );
  }
  if (code === 'TOKEN_EXPIRED' || code === 'INVALID_CREDENTIALS' || code === 'INVALID_TOKEN') {
    return new AppError('UNAUTHENTICATED', 'Your session has ended; sign in again');
  }
  const mapped = INPUT_CODES[code];
  if (mapped) {
    const message = issue.message ?? 'Directus refused the input';
    return new AppError(mapped, field ? `${field}: ${message}` : message, {
      issues: [{ path: field ?? '(root)', message }],
      directus_code: code,
    });
  }
  return new AppError(
    'SERVICE_UNAVAILABLE',
    `Directus could not save the ${what} (${code || 'unknown error'})`,
  );
}
