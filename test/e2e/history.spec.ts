import { draftText, expectSaved, openDrafts, writeDraft } from './fixtures/drafts'
import { expect, test } from './fixtures/test'

// A draft's version history: name a version, keep writing, see what changed since, restore it
// as a new change.

test('a named version shows what changed since, and restoring it brings its text back', async ({ page, holdfast }) => {
  await openDrafts(page, holdfast.url)
  await writeDraft(page, 'Council budget', 'The council approved the budget.')
  await page.getByRole('button', { name: 'History', exact: true }).click()
  const history = page.getByRole('dialog', { name: 'Version history' })
  await history.getByRole('textbox', { name: 'Version name' }).fill('Sent to editor')
  await history.getByRole('button', { name: 'Save version' }).click()
  await expect(history.getByRole('textbox', { name: 'Version name' })).toHaveValue('')
  await expect(history.getByRole('list', { name: 'Versions' })).toContainText('Sent to editor')
  await history.getByRole('button', { name: 'Close version history' }).click()

  await draftText(page).press('Control+End')
  await page.keyboard.type(' Taxes rise by 2%.')
  await expectSaved(page)

  await page.getByRole('button', { name: 'History', exact: true }).click()
  await history.getByRole('list', { name: 'Versions' }).getByRole('button', { name: /^Sent to editor/ }).click()
  const changes = history.getByRole('region', { name: 'Changes since this version' })
  await expect(changes.locator('ins')).toContainText(['Taxes rise by 2%.'])
  await changes.getByRole('button', { name: 'Restore this version' }).click()
  await expect(history).toBeHidden()
  await expect(draftText(page)).toHaveText('The council approved the budget.')
  await expectSaved(page)
})
