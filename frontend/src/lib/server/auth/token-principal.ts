import { createHash } from 'node:crypto';
import { AppError } from '@spark/contracts';
import type { Principal } from '@spark/factory';
import { z } from 'zod';
import { database, cache as redis } from '../connections.js';
import { serverEnv } from '../env.js';
import { ignoreFailure, logIgnoredFailure } from '../observability/ignored-failure.js';
import { requestIdHeader } from '../observability/request-context.js';

const CACHE_TTL_S = 30;

const meSchema = z.object({ data: z.object({ id: z.string().uuid(), email: z.string().nullable() }) });

/** Cache keys carry a hash of the token, never the token: a Redis dump must not leak credentials. */
const cacheKey = (token: string) => `spark:auth:${createHash('sha256').update(token).digest('hex')}`;

/** Directus decides whether the token is valid (static token or session JWT); we only ask who it is. */
async function directusUser(token: string): Promise<{ id: string; email: string | null }> {
  let response: Response;
  try {
    response = await fetch(new URL('/users/me?fields=id,email', serverEnv().DIRECTUS_INTERNAL_URL), {
      headers: { authorization: `Bearer ${token}`, ...requestIdHeader() },
      signal: AbortSignal.timeout(5000),
    });
  } catch {
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      'The authentication service (Directus) is unreachable; try again shortly',
    );
  }
  if (response.status === 401 || response.status === 403)
    throw new AppError('UNAUTHENTICATED', 'The token is invalid or expired');
  if (!response.ok)
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      `Directus answered ${response.status} while checking the token`,
    );
  const parsed = meSchema.safeParse(await response.json());
  if (!parsed.success) throw new AppError('UNAUTHENTICATED', 'The token does not belong to a user');
  return parsed.data.data;
}

/** Admin = any Directus policy with admin access, reached through the user's role or directly. */
async function loadPrincipal(user: { id: string; email: string | null }): Promise<Principal> {
  const { rows } = await database().query<{ is_admin: boolean; site_ids: string[] }>(
    `select
       exists (
         select 1 from directus_access a join directus_policies p on p.id = a.policy
         where p.admin_access and (a."user" = u.id or a.role = u.role)
       ) as is_admin,
       coalesce((select array_agg(m.site_id::text order by m.site_id) from site_members m where m.user_id = u.id), '{}') as site_ids
     from directus_users u where u.id = $1 and u.status = 'active'`,
    [user.id],
  );
  const row = rows[0];
  if (!row) throw new AppError('UNAUTHENTICATED', 'The token’s user is not active');
  return { userId: user.id, email: user.email, isAdmin: row.is_admin, siteIds: row.site_ids };
}

/** The token's principal; cached briefly so a burst of requests costs one Directus round trip. */
export async function principalForToken(token: string): Promise<Principal> {
  const key = cacheKey(token);
  const cached = await redis()
    .get(key)
    .catch((error: unknown) => {
      logIgnoredFailure('principal cache read', error);
      return null;
    });
  if (cached) return JSON.parse(cached) as Principal;
  const principal = await loadPrincipal(await directusUser(token));
  await redis()
    .set(key, JSON.stringify(principal), 'EX', CACHE_TTL_S)
    .catch(ignoreFailure('principal cache write'));
  return principal;
}
