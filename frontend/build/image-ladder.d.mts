export type ImageWidth = 320 | 640 | 960 | 1280 | 1920;
export const IMAGE_WIDTHS: readonly [320, 640, 960, 1280, 1920];
export const MODERN_FORMATS: readonly ['avif', 'webp'];
export const IMAGE_FORMATS: readonly ['avif', 'webp', 'jpg', 'png'];
export function ladderFor(width: number): ImageWidth[];
export function staticVariantName(
  image: { stem: string; hash: string },
  width: number,
  format: string,
): string;
