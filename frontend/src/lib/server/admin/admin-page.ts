import type { AdminSession } from '@spark/contracts';
import type { Principal } from '@spark/factory';
import type { AstroGlobal } from 'astro';
import { pageSession } from '../auth/admin-session.js';
import { adminSessionView } from '../auth/session-routes.js';

type PageAstro = Pick<AstroGlobal, 'request' | 'url' | 'response' | 'redirect'>;

/** Only paths inside the admin may follow a sign-in: an open redirect would lend our domain to phishing. */
export function safeNext(raw: string | null): string {
  return raw && /^\/admin(\/[\w\-/]*)?$/.test(raw) && !raw.startsWith('/admin/sign-in') ? raw : '/admin';
}

/**
 * The start of every signed-in admin page: the session and the sites the user may act on, or a redirect to
 * the sign-in page. Admin pages are private and personal: never cached, never indexed.
 */
export async function adminPageGate(
  astro: PageAstro,
): Promise<{ principal: Principal; view: AdminSession['data'] } | Response> {
  astro.response.headers.set('cache-control', 'no-store');
  astro.response.headers.set('x-robots-tag', 'noindex, nofollow');
  const session = await pageSession(astro.request);
  if (!session) return astro.redirect(`/admin/sign-in?next=${encodeURIComponent(astro.url.pathname)}`, 302);
  return { principal: session.principal, view: (await adminSessionView(session.principal)).data };
}
