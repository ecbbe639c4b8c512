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

/** An admin caller: who they are, and the Directus token that acts as them (for writes under their own policies). */
export interface AdminCaller {
  principal: Principal;
  directusToken: string;
}

/**
 * Resolves the caller of an admin route: a Bearer token (API clients) or, without one, the admin UI's
 * session cookie, whose writes must also pass the CSRF check. Both end in the same principal and site scope.
 */
export async function authenticateCaller(request: Request): Promise<AdminCaller> {
  if (!request.headers.has('authorization') && readCookie(request.headers.get('cookie'), SESSION_COOKIE)) {
    const { principal, session } = await sessionFromRequest(request, { checkCsrf: true });
    return { principal, directusToken: session.accessToken };
  }
  const token = bearerToken(request);
  return { principal: await principalForToken(token), directusToken: token };
}

export async function authenticate(request: Request): Promise<Principal> {
  return (await authenticateCaller(request)).principal;
}
