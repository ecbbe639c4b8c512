import node from '@astrojs/node';
import react from '@astrojs/react';
import tailwind from '@astrojs/tailwind';
import { defineConfig } from 'astro/config';
import { minifiedTracker } from './build/minified-tracker.mjs';
import { precompressedAssets } from './build/precompressed-assets.mjs';
import { responsiveImages, staticImagesModule } from './build/responsive-images.mjs';

// Test runs build into their own folder so concurrent runs (and a running dev server) never share one dist.
const outDir = process.env.SPARK_FRONTEND_OUT_DIR ?? './dist';

export default defineConfig({
  output: 'server',
  outDir,
  // Spelled out because Astro resolves the defaults against ./dist, not against a custom outDir.
  build: { client: `${outDir}/client`, server: `${outDir}/server` },
  adapter: node({ mode: 'standalone' }),
  // Each layout imports its own stylesheet (src/styles): tenant pages must not carry the admin's classes.
  integrations: [react(), tailwind({ applyBaseStyles: false }), precompressedAssets(), responsiveImages()],
  server: { host: true, port: 4321 },
  // Tenant hosts are arbitrary; the middleware resolves them, so Vite must not reject unknown Host headers.
  vite: { server: { allowedHosts: true }, plugins: [minifiedTracker(), staticImagesModule()] },
});
