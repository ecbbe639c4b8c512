import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { AppError } from '@spark/contracts';
import { describe, expect, it } from 'vitest';
import { readJsonBody } from './read-json-body.js';

function request(body: string, headers: Record<string, string> = {}): IncomingMessage {
  const stream = Readable.from([Buffer.from(body)]) as unknown as IncomingMessage;
  stream.headers = { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...headers };
  return stream;
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

describe('reading a god request body', () => {
  it('parses JSON under the limit', async () => {
    expect(await readJsonBody(request('{"a":[1,2]}'), 100)).toEqual({ a: [1, 2] });
  });

  it('answers PAYLOAD_TOO_LARGE past the limit, by declared length or by counting streamed bytes', async () => {
    const big = JSON.stringify({ s: 'x'.repeat(500) });
    expect(await codeOf(readJsonBody(request(big), 100))).toBe('PAYLOAD_TOO_LARGE');
    const declared = request('{}', { 'content-length': '5000' });
    expect(await codeOf(readJsonBody(declared, 100))).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses other content types, compressed bodies and invalid JSON', async () => {
    expect(await codeOf(readJsonBody(request('a=1', { 'content-type': 'text/plain' }), 100))).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(await codeOf(readJsonBody(request('{}', { 'content-encoding': 'gzip' }), 100))).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(await codeOf(readJsonBody(request('{"a":'), 100))).toBe('INVALID_JSON');
  });

  it('treats a request without a body as empty', async () => {
    const empty = request('', { 'content-length': '0' });
    delete empty.headers['transfer-encoding'];
    expect(await readJsonBody(empty, 100)).toBeUndefined();
  });
});
