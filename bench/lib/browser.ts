import { chromium, type Browser, type Page } from '@playwright/test'

const CHROMIUM = process.env.HOLDFAST_CHROMIUM ?? '/usr/bin/chromium'

/** Debian's Chromium (never a downloaded one), with every request off 127.0.0.1 blocked. */
export async function openBrowserPage(): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM })
  const page = await browser.newPage()
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()))
  return { browser, page }
}
