import type { Plugin } from 'vite';

export function minifyTracker(source: string): Promise<string>;
export function minifiedTracker(): Plugin;
