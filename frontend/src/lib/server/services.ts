import { createFactory, type Factory } from '@spark/factory';
import {
  createJobQueues,
  createQueueHealthReader,
  type JobQueues,
  type QueueHealthReader,
} from '@spark/jobs';
import { cache, database, redisConnection } from './connections.js';
import { log } from './observability/logger.js';
import { currentRequestId } from './observability/request-context.js';

/**
 * The frontend's composition root: the one place that builds the application services' dependencies
 * (`{db, queues, cache, now}`) from this process's connections. Routes and pages ask here for a service;
 * the services themselves never read env or hold connections.
 */
let queues: JobQueues | undefined;
let factoryServices: Factory | undefined;
let queueHealthReader: QueueHealthReader | undefined;

export function jobQueues(): JobQueues {
  queues ??= createJobQueues(redisConnection('producer'), { log, requestId: currentRequestId });
  return queues;
}

export function factory(): Factory {
  factoryServices ??= createFactory({
    db: database(),
    queues: jobQueues(),
    cache: cache(),
    now: () => new Date(),
  });
  return factoryServices;
}

/** Operators' view of the queues, on the producers' fail-fast connection (BullMQ's scripts are loaded there). */
export function queueHealth(): QueueHealthReader {
  queueHealthReader ??= createQueueHealthReader(redisConnection('producer'));
  return queueHealthReader;
}
