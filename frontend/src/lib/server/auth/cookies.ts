/**
 * The admin session's cookies. The session cookie is httpOnly (page JavaScript never sees it); the CSRF cookie
 * is readable on purpose, so the admin app can echo it in `X-CSRF-Token` (a cross-site page cannot read it).
 */
export const SESSION_COOKIE = 'spark_session';
export const CSRF_COOKIE = 'spark_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Loopback hosts speak plain HTTP in development and tests; every other host is reached over TLS. */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') || name === '127.0.0.1' || name === '[::1]';
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return null;
}

interface CookieOptions {
  httpOnly: boolean;
  secure: boolean;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
}

/**
 * SameSite=Lax: the browser sends the cookie on top-level navigations (a link into /admin works) but never on
 * a cross-site POST or fetch; the CSRF token covers same-site attackers (another subdomain).
 */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'SameSite=Lax',
    `Max-Age=${options.maxAge}`,
  ];
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

export function sessionCookies(
  session: { id: string; csrfToken: string } | null,
  secure: boolean,
  maxAge: number,
): string[] {
  return [
    serializeCookie(SESSION_COOKIE, session?.id ?? '', {
      httpOnly: true,
      secure,
      maxAge: session ? maxAge : 0,
    }),
    serializeCookie(CSRF_COOKIE, session?.csrfToken ?? '', {
      httpOnly: false,
      secure,
      maxAge: session ? maxAge : 0,
    }),
  ];
}
