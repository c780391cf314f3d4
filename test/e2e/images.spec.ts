import type { Page } from '@playwright/test'
import { pngImage } from '../support/images'
import { chooseDraft, draftText, expectSaved, newDraft, openDrafts, typeTitle } from './fixtures/drafts'
import { expect, test } from './fixtures/test'

const chart = { name: 'sales-chart.png', mimeType: 'image/png', buffer: Buffer.from(pngImage(320, 120, [30, 120, 200])) }

/** Widths of the images the editor shows, once the browser has decoded them (0 while not loaded). */
function shownImageWidths(page: Page): Promise<number[]> {
  return draftText(page)
    .locator('img')
    .evaluateAll((images) => images.map((img) => (img as HTMLImageElement).naturalWidth))
}

test.describe('Images in drafts', () => {
  test.beforeEach(async ({ page, holdfast }) => {
    await openDrafts(page, holdfast.url)
    await newDraft(page)
    await typeTitle(page, 'Quarterly report')
    await draftText(page).click()
    await page.keyboard.type('Sales grew this quarter.')
  })

  test('an image chosen with "Insert image" is shown, saved and still there after a restart', async ({ page, holdfast }) => {
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Insert image' }).click()
    await (await chooser).setFiles(chart)

    const image = draftText(page).getByRole('img', { name: 'sales chart' })
    await expect(image).toBeVisible()
    await expect.poll(() => shownImageWidths(page)).toEqual([320])
    await expectSaved(page)

    const restarted = await holdfast.restart()
    await openDrafts(page, restarted.url)
    await chooseDraft(page, 'Quarterly report')
    await expect(draftText(page)).toContainText('Sales grew this quarter.')
    await expect.poll(() => shownImageWidths(page)).toEqual([320])
  })

  test('an image pasted from the clipboard is inserted; a file that is not an image is refused with a message', async ({ page }) => {
    const bytes = [...chart.buffer]
    await draftText(page).evaluate((editor, data) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(data)], 'pasted.png', { type: 'image/png' }))
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
    }, bytes)
    await expect.poll(() => shownImageWidths(page)).toEqual([320])
    await expectSaved(page)

    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Insert image' }).click()
    await (await chooser).setFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') })
    await expect(page.getByRole('alert')).toContainText('“fake.png” was not added: The file is not a PNG, JPEG, GIF or WebP image.')
    await expect(draftText(page).locator('img')).toHaveCount(1)
  })
})
