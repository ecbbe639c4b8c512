import { AppError, exceedsJsonDepth, findNulCharacter, MAX_JSON_DEPTH } from '@spark/contracts';
import type { EndpointCall } from './endpoint.js';

export const PUBLIC_BODY_LIMIT = 16 * 1024;
export const ADMIN_BODY_LIMIT = 1024 * 1024;

export const payloadTooLarge = (limit: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `The request body exceeds ${Math.round(limit / 1024)} KB`, {
    limit_bytes: limit,
  });

/**
 * The JSON body of a request: `application/json` (or `text/plain` where allowed, for `sendBeacon`), at most
 * `limit` bytes, at most 32 levels deep. Each failure is a distinct 4xx that says what to fix.
 */
export async function readJsonBody(
  call: Pick<EndpointCall, 'headers' | 'readBody'>,
  { limit, allowTextPlain = false }: { limit: number; allowTextPlain?: boolean },
) {
  const type = (call.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const acceptable = type === 'application/json' || (allowTextPlain && type === 'text/plain');
  if (!acceptable) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Send the body as application/json (got ${type || 'no Content-Type'})`,
    );
  }
  const declared = Number(call.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw payloadTooLarge(limit);
  const text = await call.readBody(limit);
  if (text.trim() === '') throw new AppError('INVALID_JSON', 'The request body is empty; send a JSON object');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError('INVALID_JSON', `The body is not valid JSON: ${(error as Error).message}`);
  }
  if (exceedsJsonDepth(value))
    throw new AppError('BAD_REQUEST', `JSON nesting deeper than ${MAX_JSON_DEPTH} levels`);
  refuseNulCharacters(value, 'Body');
  return value;
}

/** Text that PostgreSQL cannot store is refused before validation, naming where it was found. */
export function refuseNulCharacters(value: unknown, where: string): void {
  const path = findNulCharacter(value);
  if (path !== null) {
    throw new AppError(
      'BAD_REQUEST',
      `${where} ${path}: remove the NUL character (\\u0000); text cannot hold it`,
      {
        path,
      },
    );
  }
}
