import { timingSafeEqual } from 'node:crypto';
import { AppError } from '@spark/contracts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isUnsafeMethod = (method: string) => !SAFE_METHODS.has(method.toUpperCase());

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface CsrfInput {
  method: string;
  /** The `Origin` header; browsers send it on every cross-origin request and on same-origin POSTs. */
  origin: string | null;
  /** The `Host` the request was sent to. */
  host: string | null;
  /** What the page sent in `X-CSRF-Token` (or the sign-out form field). */
  sentToken: string | null;
  /** The token stored with the server-side session. */
  sessionToken: string;
}

/**
 * A cookie-authenticated write must come from our own pages: the Origin (when the browser sends one) must be
 * the host the request was addressed to, and the token must equal the one stored with the session. A forged
 * cross-site form or fetch fails both: it cannot choose its Origin, and it cannot read the CSRF cookie.
 */
export function assertSameOriginWrite(input: CsrfInput): void {
  if (!isUnsafeMethod(input.method)) return;
  if (input.origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = new URL(input.origin).host.toLowerCase();
    } catch {
      originHost = null;
    }
    if (!originHost || originHost !== input.host?.toLowerCase()) {
      throw new AppError('FORBIDDEN', 'Cross-site request refused: the Origin is not this admin');
    }
  }
  if (!input.sentToken || !sameSecret(input.sentToken, input.sessionToken)) {
    throw new AppError('FORBIDDEN', 'Missing or wrong CSRF token: reload the admin page and try again');
  }
}
