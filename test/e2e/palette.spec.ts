import { expect, test } from './fixtures/test'
import { expectLooks, openApp } from './fixtures/ui'

test.describe('Command palette', () => {
  test.beforeEach(async ({ page, holdfast }) => {
    await openApp(page, holdfast.url)
  })

  test('Ctrl+K opens it with the search box focused', async ({ page }) => {
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Command palette' })
    await expect(palette).toBeVisible()
    await expect(palette.getByRole('combobox', { name: 'Search commands' })).toBeFocused()
  })

  test('typing "team" and Enter goes to the Team section', async ({ page }) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Drafts')
    await page.keyboard.press('Control+k')
    await page.getByRole('combobox', { name: 'Search commands' }).fill('team')
    await expect(page.getByRole('option', { name: /Go to Team/ })).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('Enter')

    await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Team')
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Team' })).toHaveAttribute(
      'aria-current',
      'page'
    )
  })

  test('Escape closes it', async ({ page }) => {
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Command palette' })
    await expect(palette).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(palette).toBeHidden()
    // The page behind it works again.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Designs' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Designs')
  })

  test('"Theme: Dark" applies the dark theme', async ({ page }) => {
    await expectLooks(page, 'light')
    await page.keyboard.press('Control+k')
    await page.getByRole('combobox', { name: 'Search commands' }).fill('dark')
    await page.getByRole('option', { name: 'Theme: Dark' }).click()

    await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden()
    await expectLooks(page, 'dark')
  })
})
