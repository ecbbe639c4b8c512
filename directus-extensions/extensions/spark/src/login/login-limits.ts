import type { WindowCount } from '../throttle/window-counter.js';

/**
 * Failed-login budgets, each counted over `windowSeconds`:
 * - `perClient`: failures from one client address, whatever account it tries (password spraying);
 * - `perClientAndAccount`: failures from one client against one account (guessing one password);
 * - `perAccount`: failures against one account from everywhere. Past it, only clients that have already failed
 *   against the account are held back: a client with no failure on record still gets to try, so an attacker
 *   cannot lock the real user out of their own account, and a distributed attacker gets one guess per address.
 * Directus's own suspension after N failures is switched off (`auth_login_attempts` null): a stranger could
 * otherwise suspend any account by failing on purpose.
 */
export interface LoginLimits {
  windowSeconds: number;
  perClient: number;
  perClientAndAccount: number;
  perAccount: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  windowSeconds: 15 * 60,
  perClient: 10,
  perClientAndAccount: 5,
  perAccount: 50,
};

export interface LoginCounts {
  client: WindowCount;
  clientAndAccount: WindowCount;
  account: WindowCount;
}

export type LoginDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function decideLoginAttempt(counts: LoginCounts, limits: LoginLimits): LoginDecision {
  const blocking: WindowCount[] = [];
  if (counts.client.count >= limits.perClient) blocking.push(counts.client);
  if (counts.clientAndAccount.count >= limits.perClientAndAccount) blocking.push(counts.clientAndAccount);
  if (counts.account.count >= limits.perAccount && counts.clientAndAccount.count > 0)
    blocking.push(counts.account);
  if (blocking.length === 0) return { allowed: true };
  const longest = Math.max(...blocking.map((count) => count.resetsIn));
  return { allowed: false, retryAfterSeconds: Math.max(1, longest) };
}

/** Reads the limits from Directus's env (`SPARK_LOGIN_*`), falling back to the defaults above. */
export function loginLimitsFrom(env: Record<string, unknown>): LoginLimits {
  const positive = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    windowSeconds: positive('SPARK_LOGIN_WINDOW_SECONDS', DEFAULT_LOGIN_LIMITS.windowSeconds),
    perClient: positive('SPARK_LOGIN_MAX_FAILURES_PER_CLIENT', DEFAULT_LOGIN_LIMITS.perClient),
    perClientAndAccount: positive(
      'SPARK_LOGIN_MAX_FAILURES_PER_CLIENT_AND_ACCOUNT',
      DEFAULT_LOGIN_LIMITS.perClientAndAccount,
    ),
    perAccount: positive('SPARK_LOGIN_MAX_FAILURES_PER_ACCOUNT', DEFAULT_LOGIN_LIMITS.perAccount),
  };
}
