import type { Page } from '@playwright/test'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'

// The app in Chromium, driven the way a user drives it (roles and names, as the e2e tests do).

const PAGE_PROBES = resolve(import.meta.dirname, 'pageProbes.js')
/** Seldom enough not to load the page being measured. */
const POLL_MS = 50

/** Opens the app with the probes installed, starts a new draft and types `text` into it; resolves once it is saved. */
export async function openDraft(page: Page, url: string, text: string): Promise<void> {
  await page.addInitScript({ path: PAGE_PROBES })
  await page.goto(url)
  await page.getByRole('navigation', { name: 'Sections' }).waitFor()
  await page.getByRole('region', { name: 'Drafts' }).getByRole('button', { name: 'New draft' }).click()
  const editor = page.getByRole('textbox', { name: 'Draft text' })
  await editor.click()
  await page.keyboard.type(text)
  await page.locator('.save-status[role="status"]', { hasText: /^Saved$/ }).waitFor()
}

/**
 * Polls a JavaScript expression in the page until it is true. (page.waitForFunction builds its
 * predicate with eval, which the app's Content Security Policy refuses; page.evaluate does not.)
 */
export async function waitInPage(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while ((await page.evaluate(expression)) !== true) {
    if (performance.now() > deadline) throw new Error(`Still not true after ${timeoutMs} ms in the page: ${expression}`)
    await sleep(POLL_MS)
  }
}
