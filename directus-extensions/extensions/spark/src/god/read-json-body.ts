import type { IncomingMessage } from 'node:http';
import { AppError, exceedsJsonDepth, MAX_JSON_DEPTH } from '@spark/contracts';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Reads and parses a JSON request body with a byte limit. The god gate runs before Directus's own body parser,
 * which would answer an oversized body with a 400 in its own error format; reading it here gives the project's
 * 413 envelope. Once the stream is consumed, Directus's parser sees a finished request and skips it.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declaredLength = Number(req.headers['content-length'] ?? Number.NaN);
  const hasBody = Number.isFinite(declaredLength) ? declaredLength > 0 : 'transfer-encoding' in req.headers;
  if (!hasBody) return undefined;
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding !== 'identity') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Content-Encoding "${encoding}" is not supported`);
  }
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON (Content-Type: application/json)');
  }
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', `The body exceeds the ${formatBytes(limit)} limit (MAX_PAYLOAD_SIZE)`, {
      limitBytes: limit,
    });
  if (declaredLength > limit) {
    req.resume(); // drain so the client can read the answer instead of seeing a reset connection
    throw tooLarge();
  }
  const text = await collectBody(req, limit, tooLarge);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'syntax error';
    throw new AppError('INVALID_JSON', `The body is not valid JSON: ${reason}`);
  }
  if (exceedsJsonDepth(value))
    throw new AppError('BAD_REQUEST', `JSON nesting deeper than ${MAX_JSON_DEPTH} levels`);
  return value;
}

/**
 * Listens instead of async-iterating: leaving a `for await` early destroys the request and with it the socket,
 * and the client would see a reset instead of the 413. Past the limit the rest is read and dropped.
 */
function collectBody(req: IncomingMessage, limit: number, tooLarge: () => AppError): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let failed = false;
    const fail = (error: AppError) => {
      failed = true;
      chunks.length = 0;
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      received += chunk.length;
      if (received > limit) fail(tooLarge());
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', () => {
      if (!failed) fail(new AppError('BAD_REQUEST', 'The request body could not be read to the end'));
    });
  });
}
