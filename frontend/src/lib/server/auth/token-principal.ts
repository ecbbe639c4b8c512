import { createHash } from 'node:crypto';
import { AppError } from '@spark/contracts';
import { loadPrincipal, type Principal } from '@spark/factory';
import { z } from 'zod';
import { database, cache as redis } from '../connections.js';
import { serverEnv } from '../env.js';
import { ignoreFailure, logIgnoredFailure } from '../observability/ignored-failure.js';
import { requestIdHeader } from '../observability/request-context.js';

const CACHE_TTL_S = 30;

const meSchema = z.object({ data: z.object({ id: z.string().uuid() }) });

/** Cache keys carry a hash of the token, never the token: a Redis dump must not leak credentials. */
const cacheKey = (token: string) => `spark:auth:${createHash('sha256').update(token).digest('hex')}`;

/** Directus decides whether the token is valid (static token or session JWT); we only ask who it is. */
async function directusUser(token: string): Promise<{ id: string }> {
  let response: Response;
  try {
    response = await fetch(new URL('/users/me?fields=id', serverEnv().DIRECTUS_INTERNAL_URL), {
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
  const principal = await loadPrincipal(database(), (await directusUser(token)).id);
  await redis()
    .set(key, JSON.stringify(principal), 'EX', CACHE_TTL_S)
    .catch(ignoreFailure('principal cache write'));
  return principal;
}
