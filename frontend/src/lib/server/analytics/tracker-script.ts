import { createHash } from 'node:crypto';
import code from 'virtual:spark-tracker';

export interface TrackerScript {
  code: string;
  etag: string;
}

const script: TrackerScript = {
  code,
  etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 16)}"`,
};

/**
 * The tracker as browsers get it, minified when the frontend is built (build/minified-tracker.mjs), so the
 * running server carries no compiler.
 */
export async function trackerScript(): Promise<TrackerScript> {
  return script;
}
