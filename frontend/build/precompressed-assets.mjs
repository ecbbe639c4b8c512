// Writes `.br` and `.gz` siblings next to the hashed client assets (dist/client/_astro) once, at build time, so
// the server sends them as they are instead of compressing on every request. Node's own zlib; maximum levels,
// since the cost is paid once per build.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text formats only: images and fonts are already compressed, a second pass only costs CPU. */
const COMPRESSIBLE = /\.(css|js|mjs|svg|json|txt|html)$/i;
/** Below this a compressed body saves less than the headers around it. */
const MIN_BYTES = 1024;

/** Compresses every eligible file directly in `dir`; a variant is kept only when it is smaller. */
export async function precompressDir(dir) {
  let written = 0;
  const names = await readdir(dir).catch(() => []);
  for (const name of names) {
    if (!COMPRESSIBLE.test(name)) continue;
    const file = join(dir, name);
    const bytes = await readFile(file);
    if (bytes.length < MIN_BYTES) continue;
    const variants = [
      [
        '.br',
        await brotli(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        }),
      ],
      ['.gz', await gz(bytes, { level: 9 })],
    ];
    for (const [suffix, body] of variants) {
      if (body.length >= bytes.length) continue;
      await writeFile(file + suffix, body);
      written += 1;
    }
  }
  return written;
}

/** Astro integration: runs after every `astro build`, whichever command or image started it. */
export function precompressedAssets() {
  let clientDir;
  return {
    name: 'spark-precompressed-assets',
    hooks: {
      'astro:config:done': ({ config }) => {
        clientDir = fileURLToPath(config.build.client);
      },
      'astro:build:done': async ({ logger }) => {
        const written = await precompressDir(join(clientDir, '_astro'));
        logger.info(`${written} precompressed asset variants written`);
      },
    },
  };
}
