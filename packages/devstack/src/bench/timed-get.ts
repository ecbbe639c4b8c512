import { request } from 'node:http';

/**
 * Timed GETs against the stack's frontend for `npm run bench scale`: the tenant in the Host header (fetch
 * would drop it), the body read to the end, sequentially so each figure is one request's latency.
 */

export interface TimedResponse {
  status: number;
  ms: number;
  body: string;
}

export function timedGet(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<TimedResponse> {
  const { hostname, port } = new URL(baseUrl);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          ms: performance.now() - started,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

export interface Percentiles {
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles of a list of durations. */
export function percentiles(durations: readonly number[]): Percentiles {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { samples: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN };
}

/** Runs `run` `samples` times in a row: the percentiles of its durations (ms). */
export async function timeRepeated(
  samples: number,
  run: (i: number) => Promise<unknown>,
): Promise<Percentiles> {
  const durations: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const started = performance.now();
    await run(i);
    durations.push(performance.now() - started);
  }
  return percentiles(durations);
}

export interface LatencyFigures extends Percentiles {
  /** The first request on its own: nothing of it cached yet (or, after `beforeEach`, the cold one). */
  first: number;
  failed: number;
  bytes: number;
}

/**
 * The first request on its own, then `repeats` more over `paths` in turn: their p50/p95. With `beforeEach`
 * (e.g. a content-version bump, as a publish does), every request follows it: each sample is a cold one.
 * A non-2xx answer counts as failed (its latency still counts).
 */
export async function measureLatency(
  baseUrl: string,
  paths: readonly string[],
  headers: Record<string, string>,
  repeats: number,
  beforeEach?: () => Promise<void>,
): Promise<LatencyFigures> {
  const [firstPath = '/'] = paths;
  let failed = 0;
  let bytes = 0;
  const ask = async (path: string) => {
    await beforeEach?.();
    const response = await timedGet(baseUrl, path, headers);
    if (response.status >= 300) failed += 1;
    bytes = response.body.length;
    return response.ms;
  };
  const first = await ask(firstPath);
  const times: number[] = [];
  for (let i = 0; i < repeats; i += 1) times.push(await ask(paths[i % paths.length] ?? firstPath));
  return { ...percentiles(times), first, failed, bytes };
}
