import { type AdminSession, AppError, SignInSchema, validationError } from '@spark/contracts';
import { type Principal, visibleSiteIds } from '@spark/factory';
import type { APIContext } from 'astro';
import { callFromAstro } from '../api/astro-adapter.js';
import { readJsonBody } from '../api/body.js';
import { clientIp } from '../api/client.js';
import { enforceRateLimit } from '../api/rate-limit.js';
import { rateLimitKey } from '../api/trust-proxy.js';
import { database } from '../connections.js';
import { errorResponse, jsonResponse } from '../http.js';
import { sessionFromRequest, setSessionCookies, signIn, signOut } from './admin-session.js';

/** Per IP: enough for typos, too few to guess a password (Directus also locks an account after failures). */
const SIGN_IN_LIMIT = { bucket: 'admin-sign-in', limit: 10, windowSeconds: 60 };

/** The signed-in user and the sites they may act on: the admin's site switcher lists exactly these. */
export async function adminSessionView(principal: Principal): Promise<AdminSession> {
  const ids = visibleSiteIds(principal);
  const { rows } = await database().query<{ id: string; name: string; domain: string }>(
    `select id, name, domain from sites where ($1::uuid[] is null or id = any($1::uuid[])) order by name, id`,
    [ids],
  );
  return {
    data: {
      user: { id: principal.userId, email: principal.email, is_admin: principal.isAdmin },
      sites: rows,
    },
  };
}

/** A sign-in form on another site must not sign the visitor into an account of the attacker's choosing. */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (origin === null) return;
  const host = request.headers.get('host')?.toLowerCase();
  let originHost: string | undefined;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    originHost = undefined;
  }
  if (originHost !== host) throw new AppError('FORBIDDEN', 'Sign in from the admin page itself');
}

/** Checks, rate limit, Directus sign-in: the session to put in cookies. */
export async function signInFromCredentials(request: Request, ip: string, email: string, password: string) {
  assertSameOrigin(request);
  await enforceRateLimit(SIGN_IN_LIMIT, rateLimitKey(ip));
  return signIn(email, password, ip);
}

/** `POST /api/admin/session`: JSON credentials → session cookies and the session view. */
export async function signInResponse(astro: APIContext): Promise<Response> {
  try {
    const call = callFromAstro(astro);
    const parsed = SignInSchema.safeParse(await readJsonBody(call, { limit: 4096 }));
    if (!parsed.success) throw validationError(parsed.error, 'Body');
    const { email, password } = parsed.data;
    const session = await signInFromCredentials(astro.request, clientIp(call), email, password);
    const headers = setSessionCookies(astro.request, { id: session.id, csrfToken: session.csrfToken });
    const response = jsonResponse(await adminSessionView(session.principal), 200);
    for (const cookie of headers.getSetCookie()) response.headers.append('set-cookie', cookie);
    return response;
  } catch (error) {
    return errorResponse(error);
  }
}

/** Sign-out: revokes the Directus session, deletes ours and clears both cookies. */
export async function signOutResponse(request: Request): Promise<Response> {
  const current = await sessionFromRequest(request, { checkCsrf: true });
  await signOut(current);
  const response = jsonResponse({ data: { signed_out: true } });
  for (const cookie of setSessionCookies(request, null).getSetCookie())
    response.headers.append('set-cookie', cookie);
  return response;
}
