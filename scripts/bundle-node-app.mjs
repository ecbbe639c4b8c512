// Bundles a Node app's TypeScript entry into one ES module:
//   node ../scripts/bundle-node-app.mjs <entry.ts> <outfile.mjs>     (run from the app's folder)
// Workspace packages (@spark/*, TypeScript sources) are inlined; npm packages stay imports, resolved at run time
// from the app's node_modules — so the output must live inside the app's folder. esbuild is the app's own
// dependency, resolved from the app's folder as well.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error('usage: node bundle-node-app.mjs <entry.ts> <outfile.mjs>');
  process.exit(2);
}
const appRequire = createRequire(join(process.cwd(), 'package.json'));
const { build } = await import(pathToFileURL(appRequire.resolve('esbuild')).href);

const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@spark/') ? undefined : { path: args.path, external: true },
    );
  },
};

await build({
  entryPoints: [resolve(entry)],
  outfile: resolve(outfile),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [externalNpmPackages],
});
