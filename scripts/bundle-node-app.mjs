// Bundles a Node app's TypeScript entry into one ES module:
//   node ../scripts/bundle-node-app.mjs <entry.ts> <outfile.mjs>     (run from the app's folder)
// Workspace packages (@spark/*, TypeScript sources) are inlined; npm packages stay imports, resolved at run time
// from the app's node_modules — so the output must live inside the app's folder. esbuild is the app's own
// dependency, resolved from the app's folder as well.
import { existsSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error('usage: node bundle-node-app.mjs <entry.ts> <outfile.mjs>');
  process.exit(2);
}
const appRequire = createRequire(join(process.cwd(), 'package.json'));
const { build } = await import(pathToFileURL(appRequire.resolve('esbuild')).href);

const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** Whether Node, running the bundle from the app's folder, finds the package (the app's own node_modules or above). */
function installedForApp(name) {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name))) return true;
    if (dirname(dir) === dir) return false;
  }
}

// An npm package that inlined workspace code imports must be the app's own dependency: the production install
// (`pnpm deploy --prod`) gives the app only its own dependencies, so anything else fails at start, not here.
const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@spark/')) return undefined;
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      const name = packageName(args.path);
      if (installedForApp(name)) return { path: args.path, external: true };
      return {
        errors: [
          {
            text: `${name} (imported by ${args.importer}) is not a dependency of this app: add it to its package.json`,
          },
        ],
      };
    });
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
