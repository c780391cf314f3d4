import { expect, test } from './fixtures/test'
import { chooseTheme, expectAppliedTheme, expectLooks, openApp, openSettings } from './fixtures/ui'

test.describe('Theme setting', () => {
  test('Dark survives a reload and a restart of headless mode', async ({ page, holdfast }) => {
    await openApp(page, holdfast.url)
    await expectLooks(page, 'light')

    await chooseTheme(page, 'Dark')
    await expectLooks(page, 'dark')

    await page.reload()
    await expectAppliedTheme(page, 'dark')
    await expect((await openSettings(page)).getByRole('radio', { name: 'Dark' })).toBeChecked()

    // SIGTERM, then a new process (on a new port) on the same data folder.
    const restarted = await holdfast.restart()
    await openApp(page, restarted.url)
    await expectLooks(page, 'dark')
    await expect(page.locator('html')).toHaveAttribute('data-theme-setting', 'dark')
    await expect((await openSettings(page)).getByRole('radio', { name: 'Dark' })).toBeChecked()
  })

  test('System follows the operating system appearance', async ({ page, holdfast }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await openApp(page, holdfast.url)
    // Start from an explicit theme so that choosing System is a real change.
    await chooseTheme(page, 'Light')
    await expectLooks(page, 'light')

    await chooseTheme(page, 'System')
    await expect(page.locator('html')).toHaveAttribute('data-theme-setting', 'system')
    await expectLooks(page, 'dark')

    await page.emulateMedia({ colorScheme: 'light' })
    await expectLooks(page, 'light')

    await page.emulateMedia({ colorScheme: 'dark' })
    await expectLooks(page, 'dark')
  })

  test('a change in one page appears in another page without a reload', async ({ context, holdfast }) => {
    const first = await context.newPage()
    const second = await context.newPage()
    await openApp(first, holdfast.url)
    await openApp(second, holdfast.url)
    await expectAppliedTheme(second, 'light')

    await chooseTheme(first, 'Dark')
    await expectLooks(second, 'dark')

    // The other way round, with the Settings dialog open in the first page: its radio follows too.
    const settings = await openSettings(first)
    await chooseTheme(second, 'Light')
    await expectLooks(first, 'light')
    await expect(settings.getByRole('radio', { name: 'Light' })).toBeChecked()
  })
})
