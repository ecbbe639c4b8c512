import { createHmac } from 'node:crypto';
import {
  AppError,
  CLIENT_ADDRESS_HEADER,
  CLIENT_ADDRESS_PROOF_CONTEXT,
  CLIENT_ADDRESS_PROOF_HEADER,
} from '@spark/contracts';
import { z } from 'zod';
import { serverEnv } from '../env.js';
import { requestIdHeader } from '../observability/request-context.js';

/** Directus sessions, spoken from the server (`mode: json`): the browser never holds these tokens. */
const tokensSchema = z.object({
  data: z.object({
    access_token: z.string().min(16),
    refresh_token: z.string().min(16),
    /** Milliseconds the access token lives. */
    expires: z.number().int().positive(),
  }),
});

export interface DirectusTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token stops working. */
  expiresAt: number;
}

/** Names the visitor to Directus, with a proof only a server holding the admin token can make. */
function vouchFor(clientAddress: string): Record<string, string> {
  const proof = createHmac('sha256', `${CLIENT_ADDRESS_PROOF_CONTEXT}:${serverEnv().DIRECTUS_ADMIN_TOKEN}`)
    .update(clientAddress)
    .digest('hex');
  return { [CLIENT_ADDRESS_HEADER]: clientAddress, [CLIENT_ADDRESS_PROOF_HEADER]: proof };
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  try {
    return await fetch(new URL(path, serverEnv().DIRECTUS_INTERNAL_URL), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...requestIdHeader(), ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
  } catch {
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      'The authentication service (Directus) is unreachable; try again',
    );
  }
}

async function tokensFrom(response: Response, now: number): Promise<DirectusTokens> {
  const parsed = tokensSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success)
    throw new AppError('SERVICE_UNAVAILABLE', 'Directus answered sign-in in an unknown shape');
  const { access_token, refresh_token, expires } = parsed.data.data;
  return { accessToken: access_token, refreshToken: refresh_token, expiresAt: now + expires };
}

export async function directusLogin(
  email: string,
  password: string,
  clientAddress: string,
  now = Date.now(),
): Promise<DirectusTokens> {
  const response = await post('/auth/login', { email, password, mode: 'json' }, vouchFor(clientAddress));
  // Directus answers 401 for a wrong password and for a suspended account alike: one message, no oracle.
  if (response.status === 401 || response.status === 400 || response.status === 403) {
    throw new AppError('UNAUTHENTICATED', 'Wrong email or password');
  }
  if (response.status === 429) throw new AppError('RATE_LIMITED', 'Too many sign-in attempts; wait a minute');
  if (!response.ok)
    throw new AppError('SERVICE_UNAVAILABLE', `Directus answered ${response.status} to sign-in`);
  return tokensFrom(response, now);
}

/** Directus rotates the refresh token on every refresh: the old one stops working. */
export async function directusRefresh(refreshToken: string, now = Date.now()): Promise<DirectusTokens> {
  const response = await post('/auth/refresh', { refresh_token: refreshToken, mode: 'json' });
  if (response.status === 401 || response.status === 400 || response.status === 403) {
    throw new AppError('UNAUTHENTICATED', 'Your session has ended; sign in again');
  }
  if (!response.ok)
    throw new AppError('SERVICE_UNAVAILABLE', `Directus answered ${response.status} to refresh`);
  return tokensFrom(response, now);
}

/** Revokes the Directus session; an already-ended one is fine (the goal is that it is gone). */
export async function directusLogout(refreshToken: string): Promise<void> {
  const response = await post('/auth/logout', { refresh_token: refreshToken, mode: 'json' });
  if (!response.ok && response.status !== 401 && response.status !== 400 && response.status !== 403) {
    throw new AppError('SERVICE_UNAVAILABLE', `Directus answered ${response.status} to sign-out`);
  }
}
