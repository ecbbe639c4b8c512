import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchContext, Benchmark } from './harness.js';

/** Admin pages whose JavaScript is measured; the first is the app shell every admin page shares. */
const ADMIN_ROUTES = ['/admin/campaigns', '/admin/campaigns/new', '/admin/jobs', '/admin/board'];
/** The budget the admin's app shell is held to (gzipped JavaScript a first visit downloads). */
const SHELL_BUDGET_KB = 150;

/** Relative modules a built chunk imports statically (`import{a}from"./x.js"`, `import"./y.js"`). */
export function staticImports(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
}

/** Every `/_astro/*.js` a page names: island components, renderers and module scripts. */
export function pageScripts(html: string): string[] {
  return [
    ...new Set(
      [...html.matchAll(/(?:component-url|renderer-url|src)="(\/_astro\/[^"]+\.js)"/g)].map(
        (m) => m[1] ?? '',
      ),
    ),
  ];
}

/** The page's scripts and everything they import statically, gzipped one by one (as a server sends them). */
export function gzippedClosure(clientDir: string, entries: string[]): { files: number; bytes: number } {
  const seen = new Set<string>();
  const queue = entries.map((entry) => entry.replace(/^\//, ''));
  let bytes = 0;
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(clientDir, file));
    bytes += gzipSync(source, { level: 9 }).length;
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const spec of staticImports(source.toString('utf8')))
      queue.push(new URL(spec, `http://x/${dir}`).pathname.slice(1));
  }
  return { files: seen.size, bytes };
}

function httpCall(url: URL, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    text: string;
  }>((resolve, reject) => {
    const outgoing = request(url, { method, headers, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text }),
      );
    });
    outgoing.on('error', reject);
    if (body) outgoing.write(body);
    outgoing.end();
  });
}

async function signedInCookie(base: URL, env: Record<string, string>): Promise<string> {
  const editors = JSON.parse(env.SPARK_TEST_EDITORS ?? '[]') as { email: string; password: string }[];
  const editor = editors[0];
  if (!editor) throw new Error('no demo editor to sign in with');
  const answer = await httpCall(
    new URL('/api/admin/session', base),
    'POST',
    { 'content-type': 'application/json' },
    JSON.stringify({ email: editor.email, password: editor.password }),
  );
  const cookies = ([] as string[]).concat(answer.headers['set-cookie'] ?? []);
  const session = cookies.map((c) => c.split(';')[0]).find((c) => c?.startsWith('spark_session='));
  if (answer.status !== 200 || !session) throw new Error(`admin sign-in failed (${answer.status})`);
  return session;
}

export const adminBundleBenchmark: Benchmark = {
  name: 'admin-bundle',
  async run({ stack, report }: BenchContext) {
    const base = new URL(stack.env.FRONTEND_URL ?? '');
    const clientDir = join(stack.env.SPARK_FRONTEND_OUT_DIR ?? '', 'client');
    const cookie = await signedInCookie(base, stack.env);
    for (const route of ADMIN_ROUTES) {
      const page = await httpCall(new URL(route, base), 'GET', { host: `localhost:${base.port}`, cookie });
      if (page.status !== 200) throw new Error(`${route} answered ${page.status}`);
      const { files, bytes } = gzippedClosure(clientDir, pageScripts(page.text));
      const kb = bytes / 1024;
      const note =
        route === ADMIN_ROUTES[0]
          ? `app shell; budget ${SHELL_BUDGET_KB} KB${kb > SHELL_BUDGET_KB ? ', OVER' : ''}`
          : undefined;
      report(`admin JS ${route} (gzip, ${files} files)`, kb, 'KB', note);
    }
  },
};
