import { request } from 'node:http';

/**
 * Fetches a tenant URL from the running frontend the way a browser or crawler would, with the tenant in the
 * Host header (Node cannot resolve *.localhost) and the raw body bytes kept (compression tests need them).
 */
export interface SiteAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  text: string;
}

export function frontendUrl(): URL {
  const url = process.env.FRONTEND_URL;
  if (!url) throw new Error('FRONTEND_URL is not set: run integration tests through `npm test`');
  return new URL(url);
}

export function getSite(
  host: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<SiteAnswer> {
  const base = frontendUrl();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: base.hostname,
        port: base.port,
        path,
        method: 'GET',
        headers: { ...headers, host },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const flat: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({ status: res.statusCode ?? 0, headers: flat, body, text: body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Tenant hosts as a visitor types them, with the test stack's port. */
export const tenantHost = (domain: string) => `${domain}:${frontendUrl().port}`;
