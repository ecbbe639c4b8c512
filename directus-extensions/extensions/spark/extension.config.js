import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Workspace packages such as @spark/contracts ship TypeScript source whose relative imports carry NodeNext `.js`
 * suffixes. Node resolution inside the extensions-sdk's rollup build would look for the `.js` files and fail, so
 * a `.js` specifier from a `.ts` importer resolves to the sibling `.ts` file when that exists.
 */
const typescriptSourceSpecifiers = {
  name: 'spark-typescript-source-specifiers',
  resolveId(source, importer) {
    if (!importer || !/\.tsx?$/.test(importer)) return null;
    if (!source.startsWith('.') || !source.endsWith('.js')) return null;
    const candidate = resolve(dirname(importer), `${source.slice(0, -3)}.ts`);
    return existsSync(candidate) ? candidate : null;
  },
};

export default { plugins: [typescriptSourceSpecifiers] };
