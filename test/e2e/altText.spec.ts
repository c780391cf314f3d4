import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { writeTinyCaptionModel } from '../fixtures/tinyModels'
import { pngImage } from '../support/images'
import { expectNoSeriousViolations } from './fixtures/axe'
import { draftText, expectSaved, newDraft, openDrafts } from './fixtures/drafts'
import { expect, test } from './fixtures/test'

// Alt text for an image in a draft, written by the local captioning model (a tiny deterministic
// one that captions dark and light images differently) and edited by the user.

const CAPTIONS = { dark: 'A dark harbour at night.', light: 'A white sail on a bright sea.' }
const nightPhoto = { name: 'night-photo.png', mimeType: 'image/png', buffer: Buffer.from(pngImage(160, 90, [15, 20, 40])) }

async function insertImage(page: Page, url: string): Promise<void> {
  await openDrafts(page, url)
  await newDraft(page)
  await draftText(page).click()
  await page.keyboard.type('The harbour after sunset.')
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Insert image' }).click()
  await (await chooser).setFiles(nightPhoto)
  await expect(draftText(page).getByRole('img', { name: 'night photo' })).toBeVisible()
}

async function openAltText(page: Page) {
  // Enabled only while an image is selected.
  await draftText(page).getByText('The harbour after sunset.').click()
  await expect(page.getByRole('button', { name: 'Alt text' })).toBeDisabled()
  await draftText(page).getByRole('img').click()
  await page.getByRole('button', { name: 'Alt text' }).click()
  return page.getByRole('dialog', { name: 'Alt text' })
}

test('"Describe image" writes the alt text with the local model; the user edits it and applies it', async ({ page, launchHeadless, dataDir }) => {
  const { modelId } = await writeTinyCaptionModel(join(dataDir, 'models'), CAPTIONS)
  const holdfast = await launchHeadless(dataDir)
  await insertImage(page, holdfast.url)

  const dialog = await openAltText(page)
  const field = dialog.getByRole('textbox', { name: 'Alt text' })
  await expect(field).toHaveValue('night photo')
  await dialog.getByRole('button', { name: 'Describe image' }).click()
  await expect(field).toHaveValue(CAPTIONS.dark, { timeout: 20_000 })
  await expect(dialog.getByRole('status')).toContainText(`Written by the local model ${modelId}`)
  await field.press('End')
  await field.pressSequentially(' Taken from the pier.')
  await dialog.getByRole('button', { name: 'Apply' }).click()

  await expect(dialog).toBeHidden()
  await expect(draftText(page).getByRole('img', { name: `${CAPTIONS.dark} Taken from the pier.` })).toBeVisible()
  await expectSaved(page)
})

test('without a captioning model, "Describe image" says where to install one and the alt text stays', async ({ page, holdfast }) => {
  await insertImage(page, holdfast.url)

  const dialog = await openAltText(page)
  await dialog.getByRole('button', { name: 'Describe image' }).click()
  await expect(dialog.getByRole('alert')).toHaveText(
    'No alt text model is installed and no cloud provider can see images. Install the alt text model in Settings → Local models, or add a vision-capable cloud provider in Settings → AI providers.'
  )
  await expect(dialog.getByRole('textbox', { name: 'Alt text' })).toHaveValue('night photo')
  await expectNoSeriousViolations(page, 'alt text dialog with its error')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(draftText(page).getByRole('img', { name: 'night photo' })).toBeVisible()
})
