import { randomBytes, randomUUID } from 'node:crypto';
import {
  ANALYTICS_SALT_TTL_SECONDS,
  ANALYTICS_STREAM,
  AppError,
  analyticsDroppedKey,
  analyticsSaltKey,
  analyticsSessionKey,
  DROP_COUNTER_TTL_SECONDS,
  type DropReason,
  SESSION_IDLE_SECONDS,
} from '@spark/contracts';
import type { Redis } from 'ioredis';
import { redisConnection } from '../connections.js';
import { ignoreFailure } from '../observability/ignored-failure.js';

/**
 * The tracking hot path's own Redis connection: auto-pipelining sends the commands of all concurrent requests
 * in one write, which is what lets one frontend accept thousands of events per second.
 */
type TrackingRedis = Redis & {
  sparkAppendEvent(
    sessionKey: string,
    stream: string,
    candidateSession: string,
    idleSeconds: number,
    maxBacklog: number,
    eventJson: string,
  ): Promise<string | null>;
};

let connection: TrackingRedis | undefined;
function redis(): TrackingRedis {
  if (!connection) {
    // The `tracking` role: auto-pipelined; the first calls after start wait for the connection instead of
    // failing, and when Redis is down a call fails after one reconnect attempt (503) rather than hanging.
    const client = redisConnection('tracking');
    // A named command is sent as EVALSHA (the script's hash), not the whole script on every call. Defined before
    // the first command, so no auto-pipeline exists yet that would lack it (ioredis#1931).
    client.defineCommand('sparkAppendEvent', { numberOfKeys: 2, lua: APPEND_EVENT });
    connection = client as TrackingRedis;
  }
  return connection;
}

/** Beyond this backlog the consumer is down or far behind: refuse (503) rather than grow Redis without bound. */
const MAX_BACKLOG = 2_000_000;

// Session lookup, idle refresh and append are one atomic round trip. The session id travels as its own stream
// field (`s`) so the event JSON is never re-encoded by Lua.
const APPEND_EVENT = `
if redis.call('XLEN', KEYS[2]) >= tonumber(ARGV[3]) then return false end
local sid = redis.call('GET', KEYS[1])
if not sid then sid = ARGV[1] end
redis.call('SET', KEYS[1], sid, 'EX', ARGV[2])
redis.call('XADD', KEYS[2], '*', 'e', ARGV[4], 's', sid)
return sid`;

const unavailable = () =>
  new AppError('SERVICE_UNAVAILABLE', 'Analytics ingestion is unavailable; retry shortly');

/** Appends an accepted event; returns its session id (continued if active within 30 minutes, else new). */
export async function appendEvent(siteId: string, visitorHash: string, eventJson: string): Promise<string> {
  // randomUUID draws from a cached entropy pool; randomBytes would make a system call per request.
  const candidate = randomUUID().replaceAll('-', '');
  const sessionKey = analyticsSessionKey(siteId, visitorHash);
  const result = await redis()
    .sparkAppendEvent(sessionKey, ANALYTICS_STREAM, candidate, SESSION_IDLE_SECONDS, MAX_BACKLOG, eventJson)
    .catch(() => {
      throw unavailable();
    });
  if (typeof result !== 'string') throw unavailable();
  return result;
}

const GET_OR_CREATE_SALT = `
redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2])
return redis.call('GET', KEYS[1])`;

let cachedSalt: { day: string; salt: string } | undefined;

/**
 * Today's salt (UTC), shared by every frontend instance: the first to ask creates it; Redis deletes it after
 * 48 h, after which yesterday's visitor hashes can no longer be linked to anyone.
 */
export async function dailySalt(now = new Date()): Promise<string> {
  const day = now.toISOString().slice(0, 10);
  if (cachedSalt?.day === day) return cachedSalt.salt;
  const salt = await redis()
    .eval(
      GET_OR_CREATE_SALT,
      1,
      analyticsSaltKey(day),
      randomBytes(32).toString('hex'),
      ANALYTICS_SALT_TTL_SECONDS,
    )
    .catch(() => {
      throw unavailable();
    });
  if (typeof salt !== 'string') throw unavailable();
  cachedSalt = { day, salt };
  return salt;
}

/** Counts a dropped call per site, UTC day and reason. Best effort: a lost count is not worth a failed call. */
export function countDrop(siteId: string, reason: DropReason, now = new Date()): void {
  const key = analyticsDroppedKey(siteId, now.toISOString().slice(0, 10));
  redis()
    .multi()
    .hincrby(key, reason, 1)
    .expire(key, DROP_COUNTER_TTL_SECONDS)
    .exec()
    .catch(ignoreFailure('analytics drop counter'));
}

/** The drop counters of each day that still has them. */
export async function readDropCounts(siteId: string, days: string[]): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  const results = await Promise.all(days.map((day) => redis().hgetall(analyticsDroppedKey(siteId, day))));
  for (const counts of results) {
    for (const [reason, count] of Object.entries(counts))
      totals[reason] = (totals[reason] ?? 0) + Number(count);
  }
  return totals;
}

/** The visitor's active session, if any (a lead links to the visit that produced it). */
export async function activeSession(siteId: string, visitorHash: string): Promise<string | null> {
  return redis().get(analyticsSessionKey(siteId, visitorHash));
}
