import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import {
  adminSessionView,
  signInResponse,
  signOutResponse,
} from '../../../lib/server/auth/session-routes.js';

/** Signs in with the Directus account: the tokens stay on the server, the browser gets an httpOnly cookie. */
export const POST = signInResponse;

/** Who is signed in, and the sites they may act on. */
export const GET = adminRoute(API_ROUTES['GET /api/admin/session'], async ({ principal }) => ({
  body: await adminSessionView(principal),
}));

/** Signs out (CSRF-checked like every cookie write) and revokes the Directus session. */
export const DELETE = adminRoute(API_ROUTES['DELETE /api/admin/session'], async ({ astro }) =>
  signOutResponse(astro.request),
);
