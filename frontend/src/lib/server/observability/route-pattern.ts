/**
 * The route pattern that answered a request, rebuilt from its path and the route's params: each run of path
 * segments equal to a param's value becomes `[name]` (`/api/seo/jobs/3f…/stream` with `{id: '3f…'}` →
 * `/api/seo/jobs/[id]/stream`). Astro 4 does not expose the matched pattern; its params are enough, and they
 * keep a metric label bounded by the number of routes rather than the number of URLs.
 */
export function routePattern(pathname: string, params: Record<string, string | undefined>): string {
  const segments = pathname.split('/').map(decodeSegment);
  // Longer values first, so a rest param (`a/b/c`) is replaced before a single segment inside it could be.
  const entries = Object.entries(params)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .sort((a, b) => b[1].length - a[1].length);
  for (const [name, value] of entries) {
    const parts = value.split('/');
    const at = findRun(segments, parts);
    if (at >= 0) segments.splice(at, parts.length, `[${name}]`);
  }
  return segments.join('/');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The last index where `run` appears as consecutive whole segments (params sit at the end of most routes). */
function findRun(segments: string[], run: string[]): number {
  for (let start = segments.length - run.length; start >= 0; start--) {
    if (run.every((part, offset) => segments[start + offset] === part)) return start;
  }
  return -1;
}

/**
 * The label for the request-duration metric. A matched route reports its pattern; a request no route matched
 * (Astro's 404 page, no params) or that never reached Astro's routes gets a fixed label, never its raw URL.
 */
export function routeLabel(route: string | undefined, status: number): string {
  if (route !== undefined) return route;
  return status === 404 ? '(unmatched)' : status >= 400 ? '(rejected)' : '(static)';
}
