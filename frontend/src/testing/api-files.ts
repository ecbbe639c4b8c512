import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the files under `pages/api/` serve: one entry per exported HTTP method (CORS preflights aside). */
export interface RouteFileExport {
  file: string;
  method: string;
  /** The file's URL as a pattern: `[id]` becomes a parameter that the table may write as `{id}` or spell out. */
  pattern: RegExp;
}

const API_DIR = fileURLToPath(new URL('../pages/api/', import.meta.url));
const METHOD_EXPORT = /^export const (GET|POST|PUT|PATCH|DELETE)\b/gm;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** `seo/jobs/[id]/cancel.ts` → `/api/seo/jobs/[id]/cancel`; `index.ts` is its folder. */
export function urlOfRouteFile(file: string): string {
  const path = relative(API_DIR, file)
    .replace(/\\/g, '/')
    .replace(/\.ts$/, '')
    .replace(/(^|\/)index$/, '');
  return `/api${path ? `/${path}` : ''}`;
}

export function routeFileExports(): RouteFileExport[] {
  return filesUnder(API_DIR)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .flatMap((file) => {
      const url = urlOfRouteFile(file);
      const pattern = new RegExp(
        `^${url.replace(/[.]/g, '\\.').replace(/\[([^\]]+)\]/g, (_, name: string) => `(\\{${name}\\}|[^/{}]+)`)}$`,
      );
      return [...readFileSync(file, 'utf8').matchAll(METHOD_EXPORT)].map((match) => ({
        file: relative(API_DIR, file),
        method: match[1] ?? '',
        pattern,
      }));
    });
}
