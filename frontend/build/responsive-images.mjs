// @ts-check
// Static raster images under public/brand get build-time variants on the image ladder (AVIF, WebP and a JPEG
// or PNG fallback per width), written to dist/client/_astro under content-hashed names so they are served
// like every hashed asset: immutable, with the right content type. `virtual:spark-static-images` tells the
// server which images have variants, with their intrinsic size and hash. In `astro dev` the manifest is
// empty and pages use the originals.
//
// Encoding AVIF is slow (seconds per image on a busy machine), so variants are cached by the source's content
// hash under node_modules/.cache and a rebuild only copies them.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { ladderFor, MODERN_FORMATS, staticVariantName } from './image-ladder.mjs';

const MODULE_ID = 'virtual:spark-static-images';
const RESOLVED_ID = `\0${MODULE_ID}`;
const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));
const CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/spark-responsive-images/', import.meta.url));
const RASTER = /\.(jpe?g|png)$/i;

/** Encoder settings for photos and flat graphics: visually close to the source at a fraction of the bytes. */
const ENCODERS = {
  avif: (image) => image.avif({ quality: 50, effort: 2 }),
  webp: (image) => image.webp({ quality: 75 }),
  jpg: (image) => image.jpeg({ quality: 78, mozjpeg: true }),
  png: (image) => image.png({ compressionLevel: 9, palette: true }),
};

/** @param {string} dir @returns {Promise<string[]>} */
async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
    ),
  );
  return nested.flat();
}

/**
 * Every raster under public/brand by its URL path, with what the markup needs.
 * @returns {Promise<Record<string, { width: number; height: number; stem: string; hash: string; fallback: 'jpg' | 'png' }>>}
 */
export async function staticImageManifest(publicDir = PUBLIC_DIR) {
  const manifest = {};
  for (const file of (await filesUnder(join(publicDir, 'brand'))).sort()) {
    if (!RASTER.test(file)) continue;
    const bytes = await readFile(file);
    const { width, height } = await sharp(bytes).metadata();
    if (!width || !height) throw new Error(`${file}: not a readable image`);
    manifest[`/${relative(publicDir, file).split(sep).join('/')}`] = {
      width,
      height,
      stem: basename(file).replace(RASTER, ''),
      hash: createHash('sha256').update(bytes).digest('base64url').slice(0, 10),
      fallback: /\.png$/i.test(file) ? 'png' : 'jpg',
    };
  }
  return manifest;
}

/** Writes every variant of every manifest image into `assetsDir`; returns how many it wrote. */
export async function writeStaticVariants(assetsDir, publicDir = PUBLIC_DIR) {
  await mkdir(CACHE_DIR, { recursive: true });
  let written = 0;
  for (const [path, image] of Object.entries(await staticImageManifest(publicDir))) {
    const source = await readFile(join(publicDir, path));
    for (const width of ladderFor(image.width)) {
      for (const format of [...MODERN_FORMATS, image.fallback]) {
        const name = staticVariantName(image, width, format);
        const cached = join(CACHE_DIR, name);
        await copyFile(cached, join(assetsDir, name)).catch(async () => {
          const resized = sharp(source).resize({ width, withoutEnlargement: true });
          const bytes = await ENCODERS[format](resized).toBuffer();
          await writeFile(cached, bytes);
          await writeFile(join(assetsDir, name), bytes);
        });
        written += 1;
      }
    }
  }
  return written;
}

/** @returns {import('vite').Plugin} */
export function staticImagesModule() {
  let building = false;
  return {
    name: 'spark-static-images',
    configResolved: (config) => {
      building = config.command === 'build';
    },
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      return `export default ${JSON.stringify(building ? await staticImageManifest() : {})};`;
    },
  };
}

/** Astro integration: writes the variants after every `astro build`. */
export function responsiveImages() {
  let clientDir = '';
  return {
    name: 'spark-responsive-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        clientDir = fileURLToPath(config.build.client);
      },
      'astro:build:done': async ({ logger }) => {
        const written = await writeStaticVariants(join(clientDir, '_astro'));
        logger.info(`${written} responsive image variants written`);
      },
    },
  };
}
