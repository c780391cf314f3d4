import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures/test'
import { chooseTheme, expectLooks, openApp, openSettings } from './fixtures/ui'

/** Runs axe-core on the page and fails on any serious or critical violation, listing them. */
async function expectNoSeriousViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const report = serious
    .map(
      (v) =>
        `- [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`.replace(/\n/g, '\n      ')).join('\n')
    )
    .join('\n')
  expect(serious, `axe-core found serious or critical violations (${state}):\n${report}`).toEqual([])
}

test.describe('Accessibility (axe-core)', () => {
  test.beforeEach(async ({ page, holdfast }) => {
    await openApp(page, holdfast.url)
  })

  test('main screen, light theme', async ({ page }) => {
    await chooseTheme(page, 'Light')
    await expectLooks(page, 'light')
    await expectNoSeriousViolations(page, 'main screen, light theme')
  })

  test('main screen, dark theme', async ({ page }) => {
    await chooseTheme(page, 'Dark')
    await expectLooks(page, 'dark')
    await expectNoSeriousViolations(page, 'main screen, dark theme')
  })

  for (const theme of ['light', 'dark'] as const) {
    test(`command palette open, ${theme} theme`, async ({ page }) => {
      await chooseTheme(page, theme === 'dark' ? 'Dark' : 'Light')
      await page.keyboard.press('Control+k')
      await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible()
      await expectNoSeriousViolations(page, `command palette open, ${theme} theme`)
    })

    test(`settings open, ${theme} theme`, async ({ page }) => {
      await chooseTheme(page, theme === 'dark' ? 'Dark' : 'Light')
      await openSettings(page)
      await expectNoSeriousViolations(page, `settings open, ${theme} theme`)
    })
  }
})
