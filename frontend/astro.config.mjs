import node from '@astrojs/node';
import react from '@astrojs/react';
import tailwind from '@astrojs/tailwind';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'server',
  // Test runs build into their own folder so concurrent runs (and a running dev server) never share one dist.
  outDir: process.env.SPARK_FRONTEND_OUT_DIR ?? './dist',
  adapter: node({ mode: 'standalone' }),
  integrations: [react(), tailwind()],
  server: { host: true, port: 4321 },
  // Tenant hosts are arbitrary; the middleware resolves them, so Vite must not reject unknown Host headers.
  vite: { server: { allowedHosts: true } },
});
