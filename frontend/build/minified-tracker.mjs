// @ts-check
// The first-party tracker (src/components/tracking/tracker.ts) minified at build time, so the server needs no
// compiler at run time: `import code from 'virtual:spark-tracker'` yields the browser-ready script.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const MODULE_ID = 'virtual:spark-tracker';
const RESOLVED_ID = `\0${MODULE_ID}`;
const TRACKER_SOURCE = fileURLToPath(new URL('../src/components/tracking/tracker.ts', import.meta.url));

/** TypeScript stripped, minified, for browsers since 2020. @param {string} source */
export async function minifyTracker(source) {
  const result = await transform(source, {
    loader: 'ts',
    minify: true,
    target: 'es2020',
    legalComments: 'none',
  });
  return result.code;
}

/** @returns {import('vite').Plugin} */
export function minifiedTracker() {
  return {
    name: 'spark-minified-tracker',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      this.addWatchFile(TRACKER_SOURCE);
      return `export default ${JSON.stringify(await minifyTracker(await readFile(TRACKER_SOURCE, 'utf8')))};`;
    },
  };
}
