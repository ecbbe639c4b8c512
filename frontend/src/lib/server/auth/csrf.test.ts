import { AppError } from '@spark/contracts';
import { describe, expect, it } from 'vitest';
import { assertSameOriginWrite, type CsrfInput } from './csrf.js';

const token = 'a'.repeat(43);
const write: CsrfInput = {
  method: 'POST',
  origin: 'http://localhost:4321',
  host: 'localhost:4321',
  sentToken: token,
  sessionToken: token,
};

function refusal(input: CsrfInput): string | null {
  try {
    assertSameOriginWrite(input);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(403);
    return (error as AppError).message;
  }
}

describe('CSRF check for cookie-authenticated requests', () => {
  it('accepts a same-origin write carrying the session token', () => {
    expect(refusal(write)).toBeNull();
    expect(refusal({ ...write, origin: null })).toBeNull();
  });

  it('refuses a write from another origin even with the right token', () => {
    expect(refusal({ ...write, origin: 'http://evil.localhost:4321' })).toMatch(/Origin/);
    expect(refusal({ ...write, origin: 'null' })).toMatch(/Origin/);
  });

  it('refuses a write without the token or with another session token', () => {
    expect(refusal({ ...write, sentToken: null })).toMatch(/CSRF token/);
    expect(refusal({ ...write, sentToken: 'b'.repeat(43) })).toMatch(/CSRF token/);
    expect(refusal({ ...write, method: 'DELETE', sentToken: 'short' })).toMatch(/CSRF token/);
  });

  it('lets reads through without a token', () => {
    expect(refusal({ ...write, method: 'GET', sentToken: null, origin: 'http://evil.example' })).toBeNull();
  });
});
