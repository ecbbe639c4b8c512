// @ts-check
// The one ladder of image sizes and formats: the markup offers only these, the build writes static variants at
// these sizes, and `/assets/<id>` refuses any other transform, so a visitor cannot make Directus render
// arbitrary sizes and every variant URL is shared by all visitors (and caches).

/** Widths in device pixels; a variant is at most this wide (never enlarged past its original). */
export const IMAGE_WIDTHS = /** @type {const} */ ([320, 640, 960, 1280, 1920]);

/** Offered as `<source>`s, smallest first; browsers take the first type they support. */
export const MODERN_FORMATS = /** @type {const} */ (['avif', 'webp']);

/** Every format a variant can be: the modern ones and the fallbacks for photos (jpg) and graphics (png). */
export const IMAGE_FORMATS = /** @type {const} */ ([...MODERN_FORMATS, 'jpg', 'png']);

/**
 * The ladder widths worth offering for an original `width` pixels wide: every step below it, plus the first
 * step at or above it (which is the original size, since variants are never enlarged).
 * @param {number} width
 */
export function ladderFor(width) {
  const below = IMAGE_WIDTHS.filter((step) => step < width);
  const cover = IMAGE_WIDTHS.find((step) => step >= width);
  return cover === undefined ? below : [...below, cover];
}

/**
 * The hashed file name of one build-time variant of a static image, served from /_astro/ (immutable).
 * @param {{ stem: string; hash: string }} image
 * @param {number} width a ladder width
 * @param {string} format
 */
export function staticVariantName(image, width, format) {
  return `${image.stem}.${image.hash}.w${width}.${format}`;
}
