import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Headers of one exchange, not of the answer: the plain server's own Node sets them afresh, as the frontend's does. */
const PER_EXCHANGE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

export interface RecordedAnswer {
  status: number;
  /** Flat name/value list, in the order the frontend sent them. */
  headers: string[];
  body: Buffer;
}

/** One answer of the frontend, as sent on the wire (body not decoded). */
export function recordAnswer(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<RecordedAnswer> {
  return new Promise((resolve, reject) => {
    get({ hostname: '127.0.0.1', port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const flat: string[] = [];
        for (let i = 0; i < response.rawHeaders.length; i += 2) {
          const name = response.rawHeaders[i] ?? '';
          if (!PER_EXCHANGE.has(name.toLowerCase())) flat.push(name, response.rawHeaders[i + 1] ?? '');
        }
        resolve({ status: response.statusCode ?? 0, headers: flat, body: Buffer.concat(chunks) });
      });
      response.on('error', reject);
    }).on('error', reject);
  });
}

/**
 * The ceiling for serving a cached page on this machine: a plain node:http server that answers every request
 * with the same recorded status, headers and bytes from memory, and does nothing else.
 */
export async function startSameBytesServer(
  answer: RecordedAnswer,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
