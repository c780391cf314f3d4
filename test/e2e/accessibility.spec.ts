import { expectNoSeriousViolations } from './fixtures/axe'
import { expect, test } from './fixtures/test'
import { chooseTheme, expectLooks, openApp, openSettings } from './fixtures/ui'

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
