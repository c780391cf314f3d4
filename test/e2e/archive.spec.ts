import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import { draftButton, draftList, draftText, expectSaved, listedTitles, newDraft, openDrafts, typeTitle } from './fixtures/drafts'
import { expect, test } from './fixtures/test'
import { closeSettings, openSettings } from './fixtures/ui'

/** Creates a draft with a title and a line of text, and waits until both are saved. */
async function writeDraft(page: Page, title: string, text: string): Promise<void> {
  await newDraft(page)
  await typeTitle(page, title)
  await draftText(page).click()
  await page.keyboard.type(text)
  await expectSaved(page)
}

function archivePanel(settings: Locator): Locator {
  return settings.getByRole('region', { name: 'Workspace archive' })
}

/** Picks a file with "Import workspace…" and the browser's file chooser; returns the confirmation dialog. */
async function chooseArchive(page: Page, files: Parameters<import('@playwright/test').FileChooser['setFiles']>[0]): Promise<Locator> {
  const settings = await openSettings(page)
  const chooser = page.waitForEvent('filechooser')
  await archivePanel(settings).getByRole('button', { name: 'Import workspace…' }).click()
  await (await chooser).setFiles(files)
  const confirm = page.getByRole('dialog', { name: 'Replace the workspace?' })
  await expect(confirm).toContainText('Your current workspace is backed up first')
  return confirm
}

const PROGRESS_KEY = 'e2e-progress-shown'

/**
 * Records every state of the page's progress bars from now on ("label: value", or "label:
 * indeterminate") with a MutationObserver, into sessionStorage so that a reload keeps what
 * was seen. A bar can come and go faster than a poll. Read it with progressShown().
 */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate((key) => {
    sessionStorage.setItem(key, '[]')
    const note = (): void => {
      const seen = JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[]
      for (const bar of document.querySelectorAll('[role="progressbar"]')) {
        const state = `${bar.getAttribute('aria-label') ?? ''}: ${bar.getAttribute('aria-valuenow') ?? 'indeterminate'}`
        if (seen.at(-1) !== state) seen.push(state)
      }
      sessionStorage.setItem(key, JSON.stringify(seen))
    }
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] })
  }, PROGRESS_KEY)
}

function progressShown(page: Page): Promise<string[]> {
  return page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[], PROGRESS_KEY)
}

test.describe('Workspace archive', () => {
  test.beforeEach(async ({ page, holdfast }) => {
    await openDrafts(page, holdfast.url)
  })

  test('an exported workspace comes back whole when imported over later work', async ({ page }) => {
    await writeDraft(page, 'Harbour walk', 'Leave at dawn, back by noon.')

    const settings = await openSettings(page)
    await recordProgress(page)
    const downloaded = page.waitForEvent('download')
    await archivePanel(settings).getByRole('button', { name: 'Export workspace…' }).click()
    const download = await downloaded
    expect(await progressShown(page)).toContain('Exporting workspace: indeterminate')
    expect(download.suggestedFilename()).toMatch(/^holdfast-workspace-\d{4}-\d{2}-\d{2}\.zip$/)
    await expect(archivePanel(settings).getByRole('status')).toHaveText(`Exported the workspace as “${download.suggestedFilename()}”.`)
    const archive = await download.path()
    const files = unzipSync(await readFile(archive))
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'drafts/Harbour walk.md', 'holdfast.db', 'manifest.json'])
    expect(strFromU8(files['drafts/Harbour walk.md']!)).toBe('Leave at dawn, back by noon.\n')
    await closeSettings(page)

    await writeDraft(page, 'Written later', 'This is not in the archive.')
    expect(await listedTitles(page)).toEqual(['Written later', 'Harbour walk'])

    const confirm = await chooseArchive(page, { name: download.suggestedFilename(), mimeType: 'application/zip', buffer: await readFile(archive) })
    await expect(confirm).toContainText(`“${download.suggestedFilename()}”`)
    await recordProgress(page)
    const reloaded = page.waitForEvent('load')
    await confirm.getByRole('button', { name: 'Replace workspace' }).click()
    await reloaded
    // Sent (the archive is one chunk), then checked and imported, then the window reloaded.
    expect(await progressShown(page)).toEqual(expect.arrayContaining(['Importing workspace: 0', 'Importing workspace: 100']))

    await expect(draftButton(draftList(page), 'Harbour walk')).toBeVisible()
    expect(await listedTitles(page)).toEqual(['Harbour walk'])
    await draftButton(draftList(page), 'Harbour walk').click()
    await expect(draftText(page)).toHaveText('Leave at dawn, back by noon.')
    // The work it replaced was backed up first.
    const backups = (await openSettings(page)).getByRole('list', { name: 'Backups' })
    await expect(backups.getByRole('listitem').filter({ hasText: 'Before a restore' })).toHaveCount(1)
  })

  test('a file that is not an archive is refused with a clear message, and nothing changes', async ({ page }) => {
    await writeDraft(page, 'Kept', 'Still here.')
    const confirm = await chooseArchive(page, { name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('Notes for the harbour walk, not an archive at all.') })
    await confirm.getByRole('button', { name: 'Replace workspace' }).click()
    await expect(archivePanel(page.getByRole('dialog', { name: 'Settings' })).getByRole('alert')).toHaveText(
      'The file is not a workspace archive: it does not start like a zip file. Choose a .zip made with “Export workspace…”. Nothing was changed.'
    )
    await closeSettings(page)
    expect(await listedTitles(page)).toEqual(['Kept'])
  })

  test('cancelling the confirmation imports nothing', async ({ page }) => {
    await writeDraft(page, 'Kept', 'Still here.')
    const confirm = await chooseArchive(page, { name: 'other.zip', mimeType: 'application/zip', buffer: Buffer.from('PK') })
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect(confirm).toBeHidden()
    await expect(page.getByRole('progressbar')).toHaveCount(0)
    await closeSettings(page)
    expect(await listedTitles(page)).toEqual(['Kept'])
  })
})
