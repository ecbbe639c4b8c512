import { createLogger, type Logger } from '@spark/observability';
import { currentRequestId } from './request-context.js';

/**
 * The frontend's one process logger, shared by its two bundles (the node:http entry and Astro's server) under a
 * global symbol, so both write through one stdout stream and never interleave half lines.
 */
const KEY = Symbol.for('spark.frontend-logger');
type Holder = { [KEY]?: Logger };
const holder = globalThis as Holder;

export function processLogger(): Logger {
  holder[KEY] ??= createLogger('frontend');
  return holder[KEY];
}

/** The logger for the current moment: inside a request, every line carries its `reqId`. */
export function log(): Logger {
  const requestId = currentRequestId();
  return requestId ? processLogger().child({ reqId: requestId }) : processLogger();
}
