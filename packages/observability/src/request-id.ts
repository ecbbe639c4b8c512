import { randomUUID } from 'node:crypto';
import { REQUEST_ID_PATTERN } from '@spark/contracts';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * The id of an incoming HTTP request. A proxy we trust may have named it already (so its own log lines and ours
 * share the id); anyone else's `X-Request-Id`, or a malformed one, is replaced by a fresh UUID.
 */
export function requestIdFor(
  incoming: string | string[] | null | undefined,
  fromTrustedProxy: boolean,
  generate: () => string = randomUUID,
): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  if (fromTrustedProxy && value && REQUEST_ID_PATTERN.test(value)) return value;
  return generate();
}
