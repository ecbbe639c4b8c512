import type { EventEmitter } from 'node:events';
import { processLogger } from './logger.js';

/**
 * Logs a Redis connection's (or a BullMQ queue's) errors once per outage rather than once per reconnect attempt
 * (ioredis retries every few hundred ms): the first error as a warning, the recovery (`ready`) as an info line.
 * Without any listener ioredis reports each attempt as an unhandled error event; with an empty one an outage
 * leaves no trace at all.
 */
export function logRedisErrors(connection: Pick<EventEmitter, 'on'>, name: string): void {
  let failing = false;
  connection.on('error', (error: unknown) => {
    if (failing) return;
    failing = true;
    processLogger().warn({ err: error, connection: name }, `redis (${name}) connection error`);
  });
  connection.on('ready', () => {
    if (!failing) return;
    failing = false;
    processLogger().info({ connection: name }, `redis (${name}) connection recovered`);
  });
}
