import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export { freePort } from './ports.js';

const COLOURS = ['\x1b[35m', '\x1b[32m', '\x1b[33m', '\x1b[34m', '\x1b[36m'];
const RESET = '\x1b[0m';

export function log(message: string): void {
  process.stdout.write(`\x1b[36m[spark]${RESET} ${message}\n`);
}

export class StackError extends Error {
  override name = 'StackError';
}

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Lines matching this are dropped from the prefixed log (noise such as per-request access lines). */
  quiet?: RegExp;
}

let logDirectory: string | undefined;

/** From now on every service's lines are also appended to `<dir>/<name>.log` (test runs print nothing). */
export function keepLogsIn(dir: string): void {
  logDirectory = dir;
}

export interface RunningService {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

let colourIndex = 0;

/** Starts a long-running service whose output is shown line by line behind a coloured `[name]` prefix. */
export function startService(spec: ServiceSpec, { echo = true } = {}): RunningService {
  const colour = COLOURS[colourIndex++ % COLOURS.length] ?? '';
  const prefix = `${colour}[${spec.name}]${RESET} `;
  // Each service gets its own process group: Ctrl-C reaches only the orchestrator, which then stops the
  // services in order (apps, then Directus, then Redis) instead of every process dying at once mid-drain.
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  orphanGuard.add(child);
  child.on('exit', () => orphanGuard.delete(child));
  const recent: string[] = [];
  const logFile = logDirectory
    ? createWriteStream(join(logDirectory, `${spec.name}.log`), { flags: 'a' })
    : undefined;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      logFile?.write(`${line}\n`);
      recent.push(line);
      if (recent.length > 40) recent.shift();
      if (echo && !spec.quiet?.test(line)) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  const exited = new Promise<number | null>((resolve) => {
    child.on('error', (error) => {
      process.stderr.write(`${prefix}could not start \`${spec.command}\`: ${error.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      logFile?.end();
      if (!echo && code !== 0 && signal === null)
        process.stderr.write(`${prefix}${recent.join(`\n${prefix}`)}\n`);
      resolve(code ?? (signal ? null : 0));
    });
  });
  return { name: spec.name, child, exited };
}

/** Children still running when this process exits for any reason but SIGKILL are killed with it. */
const orphanGuard = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of orphanGuard) child.kill('SIGKILL');
});

async function stopService(service: RunningService, graceMs: number): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.kill('SIGKILL'), graceMs);
  await service.exited;
  clearTimeout(timer);
}

/**
 * Stops services in reverse start order, each with SIGTERM and up to `graceMs` before SIGKILL: the worker and
 * frontend drain while Directus and Redis are still there for them.
 */
export async function stopServices(services: RunningService[], graceMs = 10_000): Promise<void> {
  for (const service of [...services].reverse()) await stopService(service, graceMs);
}

/** Resolves true when something accepts TCP connections on the port. */
export function isPortInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function assertPortFree(port: number, service: string): Promise<void> {
  if (await isPortInUse(port)) {
    throw new StackError(
      `Port ${port} (${service}) is already in use by another process. Stop it (\`ss -ltnp 'sport = :${port}'\` ` +
        'shows which) or choose another port in .env.',
    );
  }
}

/** Polls `url` until it answers 2xx, the service exits, or the timeout passes. */
export async function waitForHttp(
  url: string,
  service: RunningService | undefined,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer';
  while (Date.now() < deadline) {
    if (service && (service.child.exitCode !== null || service.child.signalCode !== null)) {
      throw new StackError(`${service.name} exited (code ${service.child.exitCode}) before ${url} answered`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new StackError(
    `${service?.name ?? url} did not become healthy within ${timeoutMs / 1000}s (${lastProblem})`,
  );
}

/** Runs a command to completion, streaming its output behind a prefix; rejects on a non-zero exit. */
export async function runStep(spec: ServiceSpec, { echo = true } = {}): Promise<void> {
  const service = startService(spec, { echo });
  const code = await service.exited;
  if (code !== 0) throw new StackError(`${spec.name} failed (exit ${code})`);
}
