// End-to-end tests: Playwright drives Debian's Chromium against the sandbox that `npm start`
// runs, on its own port so that a running demo does not interfere.
import { defineConfig } from '@playwright/test';

import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

const port = Number(process.env['E2E_PORT'] ?? 8543);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // WebRTC between contexts of one browser needs the machine's two cores; run files one by one.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: process.env['CI'] ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `https://localhost:${port}`,
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  webServer: {
    command: `tsx sandbox/server/main.ts`,
    env: { PORT: String(port) },
    url: `https://localhost:${port}/demo.css`,
    ignoreHTTPSErrors: true,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
