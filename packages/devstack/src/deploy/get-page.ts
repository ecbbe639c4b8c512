import { request } from 'node:http';

/**
 * GET on a local server as a browser on `host` would ask it (Node's fetch drops a Host header), with a fresh
 * connection so a server stopped between calls never answers on a kept-alive socket.
 */
export function getPage(port: number, host: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host }, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
