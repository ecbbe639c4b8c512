import type { APIContext } from 'astro';

/**
 * The caller's IP. Behind a reverse proxy (TRUST_PROXY=true) it is the left-most X-Forwarded-For entry the
 * proxy appended; otherwise the socket address, which a client cannot forge.
 */
export function clientIp(context: Pick<APIContext, 'request' | 'clientAddress'>): string {
  if (process.env.TRUST_PROXY === 'true') {
    const forwarded = context.request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return context.clientAddress;
  } catch {
    return 'unknown';
  }
}
