import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

// BROWNOUT_PORT lets two checkouts run their browser tests at once without sharing a preview server.
const port = Number(process.env.BROWNOUT_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './test/e2e',
  workers: 1,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  // Waiting for a run to show is not timing it: on a shared two-core machine a run the worker finishes in
  // tens of milliseconds can take seconds, so assertions wait up to 15 s (speed is measured by the probes).
  expect: { timeout: 15_000 },
  // The service worker is tested where it is the subject (offline, sub-path, hostile links under the stored
  // copy: those files say `serviceWorkers: 'allow'`); elsewhere it stays out of the way of timing-sensitive tests.
  use: { baseURL, trace: 'retain-on-failure', serviceWorkers: 'block' },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS } },
    },
  ],
  // The suite runs against the production build; `npm test` builds it first.
  webServer: {
    command: `npx vite preview --port ${port}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
