import { AppError } from '@spark/contracts';
import { godTokenMatches } from './token.js';

/** Query parameters that smuggle a credential into a URL (and from there into access logs). */
const TOKEN_QUERY_KEYS = ['token', 'access_token', 'god_token', 'x-god-token'];

export interface GodAccessInput {
  /** `GOD_MODE_TOKEN` as configured; unset or blank means god mode does not exist. */
  configuredToken: string | undefined;
  /** Every value of the `X-God-Token` header (Node joins duplicates; arrays are kept as given). */
  header: string | string[] | undefined;
  queryKeys: string[];
}

export type GodAccessDecision = { allowed: true } | { allowed: false; error: AppError; reason: string };

/**
 * The god token is accepted from the `X-God-Token` header only (never a query string, never logged). When it is not configured the routes
 * pretend not to exist (404); otherwise anything but exactly one matching header is 401.
 */
export function decideGodAccess(input: GodAccessInput): GodAccessDecision {
  const configured = input.configuredToken?.trim() ?? '';
  if (configured === '') {
    return {
      allowed: false,
      reason: 'god mode disabled',
      error: new AppError('NOT_FOUND', 'Not found'),
    };
  }
  const tokenInQuery = input.queryKeys.some((key) => TOKEN_QUERY_KEYS.includes(key.toLowerCase()));
  if (tokenInQuery) {
    return {
      allowed: false,
      reason: 'token in query string',
      error: new AppError(
        'UNAUTHENTICATED',
        'Tokens are never accepted in the query string; send the god token in the X-God-Token header',
      ),
    };
  }
  const header = input.header;
  if (header === undefined || header === '') {
    return {
      allowed: false,
      reason: 'missing header',
      error: new AppError('UNAUTHENTICATED', 'The X-God-Token header is required'),
    };
  }
  if (Array.isArray(header) || !godTokenMatches(configured, header)) {
    return {
      allowed: false,
      reason: 'wrong token',
      error: new AppError('UNAUTHENTICATED', 'The X-God-Token header does not match'),
    };
  }
  return { allowed: true };
}
