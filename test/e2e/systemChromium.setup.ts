import { existsSync } from 'node:fs'
import { expect, test } from '@playwright/test'

// Runs before the browser tests (playwright.config.ts): without the system Chromium they cannot start.
test('the system Chromium is installed', () => {
  const chromium = test.info().project.use.launchOptions?.executablePath ?? ''
  expect(
    existsSync(chromium),
    `Chromium not found at ${chromium}. Install it (Debian: \`apt-get install -y chromium\`) or set ` +
      'HOLDFAST_CHROMIUM to a Chromium executable. Do not run `npx playwright install`.'
  ).toBe(true)
})
