import { defineConfig } from '@playwright/test';

/** Runs against the stack `npm test` starts (FRONTEND_PORT); Chromium comes from Debian, never downloaded. */
const port = process.env.FRONTEND_PORT ?? '4321';

export default defineConfig({
  testDir: './e2e',
  outputDir: '../.data/playwright',
  timeout: 30_000,
  workers: 1,
  reporter: [['list'], ['json']],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
