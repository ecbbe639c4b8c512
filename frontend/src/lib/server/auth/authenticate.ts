import { AppError } from '@spark/contracts';
import type { Principal } from '@spark/factory';
import { sessionFromRequest } from './admin-session.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';
import { principalForToken } from './token-principal.js';

const QUERY_TOKEN_PARAMS = ['access_token', 'token', 'api_key', 'apikey'];

function bearerToken(request: Request): string {
  const url = new URL(request.url);
  if (QUERY_TOKEN_PARAMS.some((name) => url.searchParams.has(name))) {
    throw new AppError(
      'UNAUTHENTICATED',
      'Tokens are not accepted in the query string; send Authorization: Bearer <token>',
    );
  }
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S{16,4096})$/i.exec(header.trim());
  if (!match?.[1])
    throw new AppError(
      'UNAUTHENTICATED',
      'Send Authorization: Bearer <Directus static token or session token>',
    );
  return match[1];
}

/**
 * Resolves the caller of an admin route: a Bearer token (API clients) or, without one, the admin UI's
 * session cookie, whose writes must also pass the CSRF check. Both end in the same principal and site scope.
 */
export async function authenticate(request: Request): Promise<Principal> {
  if (!request.headers.has('authorization') && readCookie(request.headers.get('cookie'), SESSION_COOKIE)) {
    return (await sessionFromRequest(request, { checkCsrf: true })).principal;
  }
  return principalForToken(bearerToken(request));
}
