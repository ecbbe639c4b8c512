// Bundles src/server/main.ts next to Astro's server entry (<outDir>/server/main.mjs). Workspace packages
// (@spark/*, TypeScript sources) are inlined; npm packages stay imports, resolved from frontend/node_modules.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const frontendRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(frontendRoot, process.env.SPARK_FRONTEND_OUT_DIR ?? 'dist');

const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@spark/') ? undefined : { path: args.path, external: true },
    );
  },
};

await build({
  entryPoints: [join(frontendRoot, 'src/server/main.ts')],
  outfile: join(outDir, 'server/main.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [externalNpmPackages],
});
