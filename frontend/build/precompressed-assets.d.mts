import type { AstroIntegration } from 'astro';

export function precompressDir(dir: string): Promise<number>;
export function precompressedAssets(): AstroIntegration;
