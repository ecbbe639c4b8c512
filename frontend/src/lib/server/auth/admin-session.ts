import { AppError } from '@spark/contracts';
import type { Principal } from '@spark/factory';
import { CSRF_HEADER, isLoopbackHost, readCookie, SESSION_COOKIE, sessionCookies } from './cookies.js';
import { assertSameOriginWrite } from './csrf.js';
import { directusLogin, directusLogout } from './directus-auth.js';
import {
  createSession,
  deleteSession,
  loadSession,
  SESSION_TTL_S,
  type StoredSession,
  withFreshTokens,
} from './session-store.js';
import { principalForToken } from './token-principal.js';

export interface AdminSession {
  id: string;
  session: StoredSession;
  principal: Principal;
}

/** Secure everywhere but loopback hosts, which browsers and tests reach over plain HTTP. */
export const cookiesAreSecure = (request: Request) => !isLoopbackHost(request.headers.get('host') ?? '');

export function setSessionCookies(
  request: Request,
  session: { id: string; csrfToken: string } | null,
): Headers {
  const headers = new Headers();
  for (const cookie of sessionCookies(session, cookiesAreSecure(request), SESSION_TTL_S)) {
    headers.append('set-cookie', cookie);
  }
  return headers;
}

/**
 * Email + password → Directus session (kept server-side) → our session id for the cookie. `clientAddress` is the
 * visitor's, so Directus's login throttle counts the attempt against them rather than against this server.
 */
export async function signIn(email: string, password: string, clientAddress: string) {
  const tokens = await directusLogin(email, password, clientAddress);
  const principal = await principalForToken(tokens.accessToken);
  const { id, session } = await createSession(principal.userId, tokens);
  return { id, csrfToken: session.csrfToken, principal };
}

/**
 * The signed-in admin user behind the request's session cookie, with tokens refreshed when they are about to
 * expire. `checkCsrf` guards writes; page renders (GET) skip it.
 */
export async function sessionFromRequest(
  request: Request,
  options: { checkCsrf: boolean; sentToken?: string | null },
): Promise<AdminSession> {
  const id = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
  const stored = id ? await loadSession(id) : null;
  if (!id || !stored) throw new AppError('UNAUTHENTICATED', 'You are signed out; sign in again');
  if (options.checkCsrf) {
    assertSameOriginWrite({
      method: request.method,
      origin: request.headers.get('origin'),
      host: request.headers.get('host'),
      sentToken: options.sentToken ?? request.headers.get(CSRF_HEADER),
      sessionToken: stored.csrfToken,
    });
  }
  const session = await withFreshTokens(id, stored);
  const principal = await principalForToken(session.accessToken);
  if (principal.userId !== session.userId)
    throw new AppError('UNAUTHENTICATED', 'Session mismatch; sign in again');
  return { id, session, principal };
}

/** Revokes the Directus session first: a stolen copy of the old cookie must not outlive the sign-out. */
export async function signOut(current: AdminSession): Promise<void> {
  await directusLogout(current.session.refreshToken);
  await deleteSession(current.id);
}

/** For pages: the session, or null when the visitor must sign in. */
export async function pageSession(request: Request): Promise<AdminSession | null> {
  try {
    return await sessionFromRequest(request, { checkCsrf: false });
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNAUTHENTICATED') return null;
    throw error;
  }
}
