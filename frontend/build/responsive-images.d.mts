import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

export interface StaticImage {
  width: number;
  height: number;
  stem: string;
  hash: string;
  fallback: 'jpg' | 'png';
}
export function staticImageManifest(publicDir?: string): Promise<Record<string, StaticImage>>;
export function writeStaticVariants(assetsDir: string, publicDir?: string): Promise<number>;
export function staticImagesModule(): Plugin;
export function responsiveImages(): AstroIntegration;
