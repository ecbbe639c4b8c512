import { createHash } from 'node:crypto';
import { transform } from 'esbuild';
import trackerSource from '../../../components/tracking/tracker.ts?raw';

export interface TrackerScript {
  code: string;
  etag: string;
}

/** The tracker as browsers get it: TypeScript stripped, minified, for browsers since 2020. */
export async function minifyTracker(source: string): Promise<string> {
  const result = await transform(source, {
    loader: 'ts',
    minify: true,
    target: 'es2020',
    legalComments: 'none',
  });
  return result.code;
}

let built: Promise<TrackerScript> | undefined;

/** Built once per process on first request (milliseconds), then served from memory. */
export function trackerScript(): Promise<TrackerScript> {
  built ??= minifyTracker(trackerSource).then(
    (code) => ({ code, etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 16)}"` }),
    (error: unknown) => {
      built = undefined;
      throw error;
    },
  );
  return built;
}
