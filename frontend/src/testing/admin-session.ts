import { type ApiAnswer, type ApiRequest, callApi, frontendUrl, testEditor } from './http.js';

/** A browser-like admin session for integration tests: the cookies the server set, sent back as a browser would. */
export interface CookieSession {
  sessionId: string;
  csrfToken: string;
  /** Calls the API with the cookies; writes add the CSRF header and a same-origin Origin unless told otherwise. */
  call<T = unknown>(
    path: string,
    request?: ApiRequest & { csrf?: string | null; origin?: string | null },
  ): Promise<ApiAnswer<T>>;
}

function cookieValue(setCookie: string, name: string): string | null {
  const match = new RegExp(`(?:^|,\\s*)${name}=([^;]*)`).exec(setCookie);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * Each sign-in comes from its own loopback address (Linux routes all of 127.0.0.0/8 here), as separate marketers
 * would: the sign-in rate limit counts per visitor, and a suite signs in far more often than one person does.
 */
let nextVisitor = 0;
// Test files run in parallel workers, each with its own counter: the process id keeps their ranges apart.
const visitorAddress = () =>
  `127.${20 + (process.pid % 200)}.${Math.floor(nextVisitor / 250) % 250}.${(nextVisitor++ % 250) + 1}`;

export async function signInAs(domain: string): Promise<CookieSession & { answer: ApiAnswer }> {
  const editor = testEditor(domain);
  const origin = new URL(frontendUrl()).origin;
  const answer = await callApi('/api/admin/session', {
    method: 'POST',
    json: { email: editor.email, password: editor.password },
    headers: { origin },
    localAddress: visitorAddress(),
  });
  const setCookie = answer.headers.get('set-cookie') ?? '';
  const sessionId = cookieValue(setCookie, 'spark_session');
  const csrfToken = cookieValue(setCookie, 'spark_csrf');
  if (answer.status !== 200 || !sessionId || !csrfToken) {
    throw new Error(
      `sign-in as the ${domain} editor failed: ${answer.status} ${JSON.stringify(answer.body)}`,
    );
  }
  return { answer, ...cookieSession(sessionId, csrfToken) };
}

export function cookieSession(sessionId: string, csrfToken: string): CookieSession {
  const origin = new URL(frontendUrl()).origin;
  return {
    sessionId,
    csrfToken,
    call(path, request = {}) {
      const { csrf = csrfToken, origin: sentOrigin = origin, ...rest } = request;
      const headers: Record<string, string> = {
        cookie: `spark_session=${encodeURIComponent(sessionId)}; spark_csrf=${encodeURIComponent(csrfToken)}`,
        ...rest.headers,
      };
      if (csrf !== null) headers['x-csrf-token'] = csrf;
      if (sentOrigin !== null) headers.origin = sentOrigin;
      return callApi(path, { ...rest, headers });
    },
  };
}
