import { createError } from '@directus/errors';
import type { AppError } from '@spark/contracts';

/** Where a refused value is, as a Data Studio user can find it: the field, and for spintax its line and column. */
export interface RefusalExtensions {
  reason: string;
  field?: string;
  line?: number;
  column?: number;
  issues?: unknown;
}

interface Issue {
  path?: unknown;
  message?: unknown;
  line?: unknown;
  column?: unknown;
}

/** Invalid input in Directus's own error format (`INVALID_PAYLOAD`, 400), naming the field. */
export const SparkPayloadError = createError<RefusalExtensions>(
  'INVALID_PAYLOAD',
  ({ reason }) => `Invalid payload. ${reason}`,
  400,
);

const firstIssue = (details: unknown): Issue | undefined => {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) && issues.length > 0 ? (issues[0] as Issue) : undefined;
};

/**
 * A factory use case's refusal as an error Directus answers with its status and a readable message (an
 * AppError thrown from a hook would otherwise reach the client as an opaque 500). Validation failures become
 * `INVALID_PAYLOAD` with the first problem's field, line and column; other refusals keep their code and status.
 */
export function directusErrorOf(error: AppError): Error {
  if (error.status === 422 || error.status === 400) {
    const issue = firstIssue(error.details);
    const field = typeof issue?.path === 'string' ? issue.path.split('.')[0] : undefined;
    return new SparkPayloadError({
      reason: error.message,
      ...(field ? { field } : {}),
      ...(typeof issue?.line === 'number' ? { line: issue.line } : {}),
      ...(typeof issue?.column === 'number' ? { column: issue.column } : {}),
      ...(error.details === undefined ? {} : { issues: (error.details as { issues?: unknown }).issues }),
    });
  }
  const Refusal = createError<{ reason: string }>(error.code, ({ reason }) => reason, error.status);
  return new Refusal({ reason: error.message });
}
