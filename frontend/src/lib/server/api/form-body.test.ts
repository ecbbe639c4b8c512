import { AppError } from '@spark/contracts';
import { describe, expect, it } from 'vitest';
import type { EndpointCall } from './endpoint.js';
import { formErrorReply, isFormPost, readFormBody } from './form-body.js';

const call = (contentType: string, body: string) =>
  ({
    method: 'POST',
    headers: { get: (name: string) => (name === 'content-type' ? contentType : null) },
    readBody: async () => body,
  }) as Pick<EndpointCall, 'method' | 'headers' | 'readBody'>;

describe('plain form bodies', () => {
  it('recognises form posts by content type only', () => {
    expect(isFormPost(call('application/x-www-form-urlencoded; charset=UTF-8', ''))).toBe(true);
    expect(isFormPost(call('multipart/form-data; boundary=x', ''))).toBe(true);
    expect(isFormPost(call('application/json', ''))).toBe(false);
  });

  it('reads flat values, keeping the first of a repeated name, and refuses NUL', async () => {
    expect(await readFormBody(call('application/x-www-form-urlencoded', 'a=1&b=x+y&a=2'), 1024)).toEqual({
      a: '1',
      b: 'x y',
    });
    await expect(readFormBody(call('application/x-www-form-urlencoded', 'a=%00'), 1024)).rejects.toThrow(
      /NUL/,
    );
  });

  it('refuses file uploads in multipart bodies', async () => {
    const body =
      '--b\r\nContent-Disposition: form-data; name="f"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--\r\n';
    await expect(readFormBody(call('multipart/form-data; boundary=b', body), 1024)).rejects.toThrow(/Files/);
  });
});

describe('formErrorReply', () => {
  it('is an HTML page with the error status, escaped text and a way back to a page of this site only', () => {
    const error = new AppError('VALIDATION_FAILED', 'fields are invalid <script>', {
      issues: [{ path: 'fields.email', message: 'must be an email <b>' }],
    });
    const json = { status: 422, headers: { vary: 'Origin' }, body: '{}' };
    const reply = formErrorReply(json, error, 'http://alpha.example/contact?email=a%40b.c', [
      'alpha.example',
    ]);
    expect(reply.status).toBe(422);
    expect(reply.headers['content-type']).toContain('text/html');
    expect(reply.body).toContain('<strong>email</strong>: must be an email &#60;b&#62;');
    expect(reply.body).not.toContain('<script>');
    expect(reply.body).toContain('href="/contact"');
    expect(reply.body).not.toContain('a%40b.c');
    const foreign = formErrorReply(json, error, 'https://evil.example/x', ['alpha.example']);
    expect(foreign.body).toContain('href="/"');
  });
});
