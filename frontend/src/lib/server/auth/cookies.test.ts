import { describe, expect, it } from 'vitest';
import { isLoopbackHost, readCookie, SESSION_COOKIE, sessionCookies } from './cookies.js';

describe('admin session cookies', () => {
  it('keeps the session cookie away from page scripts and readable CSRF cookie next to it', () => {
    const [session, csrf] = sessionCookies({ id: 'sid', csrfToken: 'tok' }, true, 3600);
    expect(session).toBe('spark_session=sid; Path=/; SameSite=Lax; Max-Age=3600; HttpOnly; Secure');
    expect(csrf).toBe('spark_csrf=tok; Path=/; SameSite=Lax; Max-Age=3600; Secure');
  });

  it('clears both cookies on sign-out and drops Secure only where HTTPS is not in use', () => {
    const cleared = sessionCookies(null, false, 3600);
    expect(cleared).toEqual([
      'spark_session=; Path=/; SameSite=Lax; Max-Age=0; HttpOnly',
      'spark_csrf=; Path=/; SameSite=Lax; Max-Age=0',
    ]);
    expect(isLoopbackHost('localhost:4321')).toBe(true);
    expect(isLoopbackHost('alpha.localhost')).toBe(true);
    expect(isLoopbackHost('127.0.0.1:9000')).toBe(true);
    expect(isLoopbackHost('admin.example.com')).toBe(false);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
  });

  it('reads one cookie out of a header with several', () => {
    expect(readCookie('a=1; spark_session=abc%3D; b=2', SESSION_COOKIE)).toBe('abc=');
    expect(readCookie('xspark_session=1', SESSION_COOKIE)).toBeNull();
    expect(readCookie(null, SESSION_COOKIE)).toBeNull();
  });
});
