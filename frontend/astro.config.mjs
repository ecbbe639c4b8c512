import node from '@astrojs/node';
import react from '@astrojs/react';
import tailwind from '@astrojs/tailwind';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [react(), tailwind()],
  server: { host: true, port: 4321 },
  // Tenant hosts are arbitrary; the middleware resolves them, so Vite must not reject unknown Host headers.
  vite: { server: { allowedHosts: true } },
});
