import { defineConfig } from '@playwright/test';

// Browser-mode specs drive Debian's Chromium (no browser download); the Electron spec launches the
// built app with `_electron` and skips, saying why, where the Electron binary is absent.
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'browser-mode', testMatch: /.*\.browser\.spec\.ts/ },
    { name: 'electron', testMatch: /.*\.electron\.spec\.ts/ },
    { name: 'cli', testMatch: /.*\.cli\.spec\.ts/ },
  ],
});
