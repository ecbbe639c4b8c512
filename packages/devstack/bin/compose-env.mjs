// @ts-check
// `npm run env:compose [-- --host=spark.example.com] [--demo] [--force] [--out=.env]`: writes the `.env` that
// `docker compose up -d --build` reads, with fresh random secrets. Refuses to overwrite an existing file unless
// --force (its secrets are already in the database and in Directus).
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeEnvEntries, renderEnv } from '../src/compose-env.mjs';

const args = process.argv.slice(2);
/** @param {string} name */
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const known = /^--(host|directus-url|tenant-origins|out)=|^--(demo|force)$/;
const unknown = args.filter((arg) => !known.test(arg));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown option(s): ${unknown.join(' ')}\n` +
      'usage: compose-env.mjs [--host=<platform host>] [--directus-url=<url>] [--tenant-origins=<a,b>] [--demo] [--force] [--out=<file>]\n',
  );
  process.exit(2);
}
const out = resolve(option('out') ?? join(import.meta.dirname, '../../../.env'));
if (existsSync(out) && !args.includes('--force')) {
  process.stderr.write(`${out} exists; keeping it (its secrets are already in use). --force replaces it.\n`);
  process.exit(1);
}
const tenantOrigins = option('tenant-origins')?.split(',').filter(Boolean);
const text = renderEnv(
  composeEnvEntries({
    ...(option('host') ? { platformHost: option('host') } : {}),
    ...(option('directus-url') ? { directusUrl: option('directus-url') } : {}),
    ...(tenantOrigins ? { tenantOrigins } : {}),
    demo: args.includes('--demo'),
  }),
);
writeFileSync(out, text, { mode: 0o600 });
process.stdout.write(`wrote ${out}; next: docker compose up -d --build\n`);
