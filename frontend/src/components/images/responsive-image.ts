import {
  IMAGE_WIDTHS,
  type ImageWidth,
  ladderFor,
  MODERN_FORMATS,
  staticVariantName,
} from '../../../build/image-ladder.mjs';

/**
 * The markup of one image as `<picture>`: AVIF and WebP sources and a JPEG/PNG (or original-format) fallback,
 * each as a `srcset` on the image ladder, so a phone downloads a 640 px AVIF where it used to get the full
 * JPEG. Two kinds of image have variants:
 * - Directus files (`/assets/<id>`): the asset route asks Directus for `?width=&format=` on the ladder.
 * - Static rasters under /brand with build-time variants (listed in the static image manifest).
 * Any other URL (external, SVG, unknown) is rendered as it is.
 */

/** A static image with build-time variants (see build/responsive-images.mjs). */
export interface StaticImage {
  width: number;
  height: number;
  stem: string;
  hash: string;
  fallback: 'jpg' | 'png';
}

/** Where an image is shown: the box its CSS gives it decides which widths are worth offering. */
export interface ImageSlot {
  /** The box's aspect ratio (width, height): with `object-cover` it sets `width`/`height`, so nothing shifts. */
  aspect: readonly [number, number];
  /** The `sizes` attribute: how wide the box is at each viewport width. */
  sizes: string;
  /** The widest variant worth sending: the box's largest CSS width × 2 (dense screens), on the ladder. */
  maxWidth: ImageWidth;
}

export interface ResponsiveImage {
  sources: { type: string; srcSet: string }[];
  src: string;
  srcSet?: string;
  sizes?: string;
  width: number;
  height: number;
}

const DIRECTUS_FILE = /^\/assets\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const MIME: Record<string, string> = { avif: 'image/avif', webp: 'image/webp' };

const srcSet = (entries: [url: string, width: number][]) =>
  entries.map(([url, w]) => `${url} ${w}w`).join(', ');

export function responsiveImage(
  url: string,
  slot: ImageSlot,
  staticImages: Readonly<Record<string, StaticImage>>,
): ResponsiveImage {
  const [aspectWidth, aspectHeight] = slot.aspect;
  const box = (width: number) => ({ width, height: Math.round((width * aspectHeight) / aspectWidth) });
  const fileId = DIRECTUS_FILE.exec(url)?.[1]?.toLowerCase();
  if (fileId) {
    // The file's own size is unknown here; Directus never enlarges (the asset route asks it not to).
    const widths = IMAGE_WIDTHS.filter((width) => width <= slot.maxWidth);
    const variant = (width: number, format?: string) =>
      `/assets/${fileId}?width=${width}${format ? `&format=${format}` : ''}`;
    return {
      sources: MODERN_FORMATS.map((format) => ({
        type: MIME[format] ?? '',
        srcSet: srcSet(widths.map((width) => [variant(width, format), width])),
      })),
      src: variant(slot.maxWidth),
      srcSet: srcSet(widths.map((width) => [variant(width), width])),
      sizes: slot.sizes,
      ...box(slot.maxWidth),
    };
  }
  const image = staticImages[url];
  if (image) {
    // The top step may be the original size (never enlarged): its descriptor says the real width.
    const steps = ladderFor(image.width).filter((step) => step <= slot.maxWidth);
    const entries = (format: string) =>
      steps.map((step): [string, number] => [
        `/_astro/${staticVariantName(image, step, format)}`,
        Math.min(step, image.width),
      ]);
    const fallback = entries(image.fallback);
    const largest = fallback[fallback.length - 1];
    return {
      sources: MODERN_FORMATS.map((format) => ({
        type: MIME[format] ?? '',
        srcSet: srcSet(entries(format)),
      })),
      src: largest?.[0] ?? url,
      srcSet: srcSet(fallback),
      sizes: slot.sizes,
      ...box(largest?.[1] ?? image.width),
    };
  }
  return { sources: [], src: url, ...box(slot.maxWidth) };
}
