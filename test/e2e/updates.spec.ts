import { expect, test } from './fixtures/test'
import { closeSettings, openApp, openSettings } from './fixtures/ui'

test('Settings → Updates: headless mode says it does not update itself, and the update settings are kept and checked', async ({ page, holdfast }) => {
  await openApp(page, holdfast.url)
  const dialog = await openSettings(page)
  const updates = dialog.getByRole('region', { name: 'Updates' })
  await expect(updates.getByRole('status')).toHaveText('Updates are not available in headless mode: it updates when a new version of Holdfast is installed.')
  await expect(updates.getByRole('button', { name: 'Check now' })).toHaveCount(0)

  const automatic = updates.getByRole('checkbox', { name: 'Check for updates automatically' })
  await expect(automatic).toBeChecked()
  await automatic.uncheck()
  await updates.getByLabel('Update channel').selectOption('beta')

  const feed = updates.getByLabel('Update feed address')
  await feed.fill('http://updates.example.com/holdfast')
  await updates.getByRole('button', { name: 'Save address' }).click()
  await expect(updates.getByRole('alert')).toHaveText('Use an https:// address (http:// only for 127.0.0.1 or localhost), with no user name or password in it.')
  await expect(feed).toHaveAttribute('aria-invalid', 'true')
  await feed.fill('https://updates.example.com/holdfast')
  await feed.press('Enter')
  await expect(updates.getByRole('alert')).toHaveCount(0)
  // Saved: the field holds the saved address again, so there is nothing left to save.
  await expect(updates.getByRole('button', { name: 'Save address' })).toBeDisabled()

  // Kept in the data folder: still there after headless mode starts again on it.
  await closeSettings(page)
  const restarted = await holdfast.restart()
  await openApp(page, restarted.url)
  const reopened = (await openSettings(page)).getByRole('region', { name: 'Updates' })
  await expect(reopened.getByRole('checkbox', { name: 'Check for updates automatically' })).not.toBeChecked()
  await expect(reopened.getByLabel('Update channel')).toHaveValue('beta')
  await expect(reopened.getByLabel('Update feed address')).toHaveValue('https://updates.example.com/holdfast')
})
