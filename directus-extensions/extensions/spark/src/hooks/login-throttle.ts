import { createHash } from 'node:crypto';
import { HitRateLimitError } from '@directus/errors';
import type { HookConfig } from '@directus/types';
import type { NextFunction, Request, Response } from 'express';
import { sharedRedis } from '../cache/redis.js';
import { decideLoginAttempt, type LoginLimits, loginLimitsFrom } from '../login/login-limits.js';
import { vouchedClientAddress } from '../login/vouched-client.js';
import { clientBucket } from '../throttle/client-bucket.js';
import { memoryWindowCounter, redisWindowCounter, type WindowCounter } from '../throttle/window-counter.js';

/** Account keys are hashed: Redis never holds the e-mail addresses people try. */
const accountKey = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);

function emailOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const direct = (body as { email?: unknown }).email;
  if (typeof direct === 'string') return direct;
  const variables = (body as { variables?: { email?: unknown } }).variables;
  return typeof variables?.email === 'string' ? variables.email : undefined;
}

/** A GraphQL system request that logs in: the same door as POST /auth/login. */
const isGraphqlLogin = (req: Request) =>
  req.method === 'POST' && typeof req.body?.query === 'string' && req.body.query.includes('auth_login');

/**
 * Counts the attempt up front (so parallel requests cannot all slip under the limit), refuses it with 429 and
 * Retry-After when an earlier-failures budget is spent, and gives the attempt back when the login succeeds.
 */
function createLoginThrottle(counter: WindowCounter, limits: LoginLimits, adminToken: string | undefined) {
  return async (req: Request, res: Response, next: NextFunction, refundOnSuccess: boolean) => {
    const client = `c:${clientBucket(vouchedClientAddress(req.headers, adminToken) ?? req.ip)}`;
    const email = emailOf(req.body);
    const account = email === undefined ? undefined : `a:${accountKey(email)}`;
    const pair = account === undefined ? `${client}:none` : `${client}:${account}`;
    const keys = account === undefined ? [client, pair] : [client, pair, account];
    const [clientCount, pairCount, accountCount] = await counter.hit(keys, limits.windowSeconds);
    const earlier = (count: { count: number; resetsIn: number } | undefined) => ({
      count: Math.max(0, (count?.count ?? 1) - 1),
      resetsIn: count?.resetsIn ?? 0,
    });
    const decision = decideLoginAttempt(
      { client: earlier(clientCount), clientAndAccount: earlier(pairCount), account: earlier(accountCount) },
      limits,
    );
    if (!decision.allowed) {
      res.set('Retry-After', String(decision.retryAfterSeconds));
      next(
        new HitRateLimitError({
          limit: limits.perClient,
          reset: new Date(Date.now() + decision.retryAfterSeconds * 1000),
        }),
      );
      return;
    }
    if (refundOnSuccess) {
      res.on('finish', () => {
        if (res.statusCode >= 200 && res.statusCode < 300) {
          // A successful login was not a failure: give the attempt back and forget this client's misses on the
          // account (its misses on other accounts still count, so a valid password of its own buys no budget).
          const refunds = [counter.clear(pair), counter.refund(client)];
          if (account) refunds.push(counter.refund(account));
          Promise.all(refunds).catch(() => {});
        }
      });
    }
    next();
  };
}

/**
 * Throttles password logins per client address (the socket's, a trusted proxy's report, or the visitor address
 * the frontend's admin sign-in vouches for) and per account (REST `/auth/login[/provider]` and GraphQL
 * `auth_login`), mounted after Directus has parsed the body and before its auth routes.
 */
const loginThrottleHook: HookConfig = ({ init }, { env, logger }) => {
  const limits = loginLimitsFrom(env);
  const redis = sharedRedis(env, logger);
  const counter = redis ? redisWindowCounter(redis, 'spark:login') : memoryWindowCounter();
  const adminToken = typeof env.ADMIN_TOKEN === 'string' ? env.ADMIN_TOKEN : undefined;
  const throttle = createLoginThrottle(counter, limits, adminToken);
  const failClosed = (next: NextFunction) => (error: unknown) => {
    logger.error(error, 'login throttle unavailable; refusing the login');
    next(error);
  };
  init('routes.before', ({ app }) => {
    app.use('/auth/login', (req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'POST') return next();
      throttle(req, res, next, true).catch(failClosed(next));
    });
    app.use('/graphql/system', (req: Request, res: Response, next: NextFunction) => {
      if (!isGraphqlLogin(req)) return next();
      throttle(req, res, next, false).catch(failClosed(next));
    });
  });
};

export default loginThrottleHook;
