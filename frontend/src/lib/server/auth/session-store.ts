import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '@spark/contracts';
import { z } from 'zod';
import { cache as redis } from '../connections.js';
import { type DirectusTokens, directusRefresh } from './directus-auth.js';

/** As long as Directus keeps a refresh token by default (REFRESH_TOKEN_TTL 7d); every refresh extends it. */
export const SESSION_TTL_S = 7 * 24 * 3600;
/** Refresh this long before the access token expires, so no request reaches Directus with a dying token. */
const REFRESH_MARGIN_MS = 60_000;
const REFRESH_LOCK_MS = 5000;

const storedSchema = z.object({
  userId: z.string().uuid(),
  csrfToken: z.string().min(32),
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresAt: z.number(),
});
export type StoredSession = z.infer<typeof storedSchema>;

/** Redis holds a hash of the session id, never the id: a Redis dump must not yield a usable cookie. */
const keyOf = (sessionId: string) =>
  `spark:admin-session:${createHash('sha256').update(sessionId).digest('hex')}`;

const newSecret = () => randomBytes(32).toString('base64url');

async function save(sessionId: string, session: StoredSession): Promise<void> {
  await redis().set(keyOf(sessionId), JSON.stringify(session), 'EX', SESSION_TTL_S);
}

export async function createSession(userId: string, tokens: DirectusTokens) {
  const id = newSecret();
  const session: StoredSession = { userId, csrfToken: newSecret(), ...tokens };
  await save(id, session);
  return { id, session };
}

export async function loadSession(sessionId: string): Promise<StoredSession | null> {
  if (sessionId.length < 32 || sessionId.length > 128) return null;
  const raw = await redis().get(keyOf(sessionId));
  if (!raw) return null;
  const parsed = storedSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

export async function deleteSession(sessionId: string): Promise<void> {
  await redis().del(keyOf(sessionId));
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * The session with an access token that lives at least another minute. Concurrent requests of one browser
 * must not refresh twice (Directus rotates the refresh token, so the second refresh would fail and end the
 * session): one takes a short Redis lock and refreshes, the others wait for its result.
 */
export async function withFreshTokens(
  sessionId: string,
  session: StoredSession,
  now = Date.now(),
): Promise<StoredSession> {
  if (session.expiresAt - now > REFRESH_MARGIN_MS) return session;
  const lock = `${keyOf(sessionId)}:refresh`;
  if ((await redis().set(lock, '1', 'PX', REFRESH_LOCK_MS, 'NX')) === 'OK') {
    try {
      const tokens = await directusRefresh(session.refreshToken, now);
      const refreshed = { ...session, ...tokens };
      await save(sessionId, refreshed);
      return refreshed;
    } catch (error) {
      if (error instanceof AppError && error.code === 'UNAUTHENTICATED') await deleteSession(sessionId);
      throw error;
    } finally {
      await redis().del(lock);
    }
  }
  for (let waited = 0; waited < REFRESH_LOCK_MS; waited += 100) {
    await sleep(100);
    const current = await loadSession(sessionId);
    if (!current) break;
    if (current.expiresAt - Date.now() > REFRESH_MARGIN_MS) return current;
  }
  throw new AppError('UNAUTHENTICATED', 'Your session has ended; sign in again');
}
