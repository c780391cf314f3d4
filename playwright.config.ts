import { defineConfig } from '@playwright/test'

// Browser tests use the system's Chromium (Debian's package in CI): Playwright never downloads browsers here.
// The 'system chromium' project checks it is there before the e2e project runs; the electron project
// needs no browser, so it runs where there is none (the macOS and Windows CI runners).
const chromium = process.env.HOLDFAST_CHROMIUM ?? '/usr/bin/chromium'

export default defineConfig({
  globalSetup: './test/e2e/global-setup.ts',
  workers: 2,
  // Test by test, not file by file: the long files (team sync, crash safety) no longer hold one
  // worker while the other runs out of work.
  fullyParallel: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  outputDir: 'test-results',
  projects: [
    {
      name: 'system chromium',
      testDir: 'test/e2e',
      testMatch: 'systemChromium.setup.ts',
      use: { launchOptions: { executablePath: chromium } }
    },
    {
      name: 'e2e',
      testDir: 'test/e2e',
      dependencies: ['system chromium'],
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromium,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
            // WebRTC between pages on loopback (team sync tests): Chromium gathers no loopback ICE
            // candidates without both of these.
            '--allow-loopback-in-peer-connection',
            '--use-fake-ui-for-media-stream'
          ]
        },
        actionTimeout: 10_000,
        navigationTimeout: 15_000,
        trace: 'retain-on-failure'
      }
    },
    {
      name: 'electron',
      testDir: 'test/electron',
      // Each test launches the app itself; no browser from Playwright.
      timeout: 60_000
    }
  ]
})
