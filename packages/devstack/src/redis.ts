import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { type RunningService, StackError, startService } from './processes.js';

/** Sends PING over a raw socket (no client library needed) and resolves true on `+PONG`. */
export function pingRedis(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts a Redis server as a child process. `persistent` turns on append-only persistence in `dir`, as the
 * deployed Redis has it; throwaway test servers keep everything in memory.
 */
export async function startRedis({
  port,
  dir,
  persistent,
  echo = true,
}: {
  port: number;
  dir: string;
  persistent: boolean;
  echo?: boolean;
}): Promise<RunningService> {
  mkdirSync(dir, { recursive: true });
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
  args.push('--appendonly', persistent ? 'yes' : 'no');
  const service = startService(
    {
      name: 'redis',
      command: 'redis-server',
      args,
      cwd: dir,
      env: process.env,
      quiet: /^\d+:[CM] .*(Ready|DB loaded|Server initialized)/,
    },
    { echo },
  );
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await pingRedis(port)) return service;
    if (service.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new StackError(`Redis did not start on port ${port}`);
}
