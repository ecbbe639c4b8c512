import { createServer } from 'node:net';

/**
 * A TCP port the kernel just handed out and released: free for a throwaway service, or, when nothing is started
 * on it, a port that refuses connections. Shared by the orchestrator and every test that starts its own server.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
