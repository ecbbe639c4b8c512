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

export interface LatencyFigures {
  first: number;
  p50: number;
  p95: number;
  failed: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * The first request on its own (nothing cached yet), then `repeats` more over `paths` in turn: p50 and p95
 * of those. A non-2xx answer counts as failed (its latency still counts).
 */
export async function measureLatency(
  baseUrl: string,
  paths: readonly string[],
  headers: Record<string, string>,
  repeats: number,
): Promise<LatencyFigures> {
  const [firstPath = '/'] = paths;
  const first = await timedGet(baseUrl, firstPath, headers);
  let failed = first.status >= 300 ? 1 : 0;
  const times: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const response = await timedGet(baseUrl, paths[i % paths.length] ?? firstPath, headers);
    if (response.status >= 300) failed += 1;
    times.push(response.ms);
  }
  times.sort((a, b) => a - b);
  return { first: first.ms, p50: percentile(times, 50), p95: percentile(times, 95), failed };
}
