import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGIN_LIMITS, decideLoginAttempt, loginLimitsFrom } from './login-limits.js';

const count = (n: number, resetsIn = 600) => ({ count: n, resetsIn: n === 0 ? 0 : resetsIn });
const limits = DEFAULT_LOGIN_LIMITS;

describe('deciding a login attempt', () => {
  it('lets a client try until it has used its own failure budget', () => {
    const counts = { client: count(9), clientAndAccount: count(4), account: count(4) };
    expect(decideLoginAttempt(counts, limits)).toEqual({ allowed: true });
    expect(decideLoginAttempt({ ...counts, client: count(10, 120) }, limits)).toEqual({
      allowed: false,
      retryAfterSeconds: 120,
    });
  });

  it('holds back a client guessing one account before its overall budget is spent', () => {
    const counts = { client: count(5), clientAndAccount: count(5, 300), account: count(5) };
    expect(decideLoginAttempt(counts, limits)).toEqual({ allowed: false, retryAfterSeconds: 300 });
  });

  it('still lets a client with no failures log in to an account under attack from elsewhere', () => {
    const underAttack = count(500, 900);
    expect(
      decideLoginAttempt({ client: count(0), clientAndAccount: count(0), account: underAttack }, limits),
    ).toEqual({
      allowed: true,
    });
    expect(
      decideLoginAttempt({ client: count(1), clientAndAccount: count(1), account: underAttack }, limits),
    ).toEqual({
      allowed: false,
      retryAfterSeconds: 900,
    });
  });

  it('answers with the longest wait of every budget it exceeds, never less than a second', () => {
    const counts = { client: count(10, 30), clientAndAccount: count(5, 0), account: count(0) };
    expect(decideLoginAttempt(counts, limits)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(decideLoginAttempt({ ...counts, client: count(10, 0) }, limits)).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });

  it('reads positive integer limits from the env and ignores anything else', () => {
    expect(
      loginLimitsFrom({ SPARK_LOGIN_MAX_FAILURES_PER_CLIENT: '3', SPARK_LOGIN_WINDOW_SECONDS: '-1' }),
    ).toEqual({
      ...limits,
      perClient: 3,
    });
  });
});
