import { get as httpGet } from 'node:http';

/**
 * GET a tenant page as its host from the stack's frontend. Node's fetch ignores a Host header, so tenant hosts
 * are reached with node:http, which sends the header as given.
 */
export function getOnHost(host: string, path: string): Promise<{ status: number; body: string }> {
  const base = process.env.FRONTEND_URL;
  if (!base) throw new Error('FRONTEND_URL is not set: run the test through `npm test`');
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const request = httpGet(
      { hostname: url.hostname, port: url.port, path: url.pathname, headers: { host } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
  });
}
