import { cache, database } from './connections.js';
import { serverEnv } from './env.js';

export type Dependency = 'directus' | 'postgres' | 'redis';
export interface DependencyStatus {
  status: 'up' | 'down';
  latency_ms: number;
  error?: string;
}

const TIMEOUT_MS = 2000;

async function probe(check: () => Promise<unknown>): Promise<DependencyStatus> {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS),
      ),
    ]);
    return { status: 'up', latency_ms: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'down',
      latency_ms: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

async function directusHealthy(): Promise<void> {
  const response = await fetch(new URL('/server/health', serverEnv().DIRECTUS_INTERNAL_URL));
  if (!response.ok) throw new Error(`Directus answered ${response.status}`);
}

/** Probes every dependency in parallel, each bounded by a timeout so a hung service cannot hang the check. */
export async function checkDependencies(): Promise<Record<Dependency, DependencyStatus>> {
  const [directus, postgres, redis] = await Promise.all([
    probe(directusHealthy),
    probe(() => database().query('select 1')),
    probe(() => cache().ping()),
  ]);
  return { directus, postgres, redis };
}
