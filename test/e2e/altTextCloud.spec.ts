import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startFakeCloud, type FakeCloud } from '../fixtures/fakeCloud'
import { writeTinyCaptionModel } from '../fixtures/tinyModels'
import { pngImage } from '../support/images'
import { inspector, layerList, newDesign, openDesigns } from './fixtures/designs'
import { expect, test } from './fixtures/test'

// Alt text from a cloud model that can see images: with a vision-capable (fake) cloud provider set
// up and answering, "Describe image" on a design's image layer sends it the image and fills the
// alt text with its sentence; once the cloud refuses connections, the tiny local captioning model
// writes it instead.

const CLOUD_ALT = 'Fishing boats moored along a harbour wall at night.'
const CAPTIONS = { dark: 'A dark harbour at night.', light: 'A white sail on a bright sea.' }

let cloud: FakeCloud

test.beforeEach(async () => {
  // The answer is wrapped in quotes and Markdown, as chatty models do: the alt text comes back plain.
  cloud = await startFakeCloud({ answer: `**Alt text:** "${CLOUD_ALT}"` })
})

test.afterEach(async () => {
  await cloud.close()
})

test('"Describe image" on a design image layer: from the vision cloud while it is up, then from the local captioning model', async ({ page, launchHeadless, dataDir }) => {
  const { modelId } = await writeTinyCaptionModel(join(dataDir, 'models'), CAPTIONS)
  const providers = join(dataDir, '..', `providers-${Date.now()}-${Math.random().toString(36).slice(2)}.json`)
  await writeFile(
    providers,
    JSON.stringify({ providers: [{ id: 'vision', label: 'Vision Cloud', kind: 'openai-compatible', baseUrl: cloud.openaiBaseUrl, model: 'gpt-vision', vision: true }] })
  )
  const holdfast = await launchHeadless(dataDir, ['--providers', providers])

  await openDesigns(page, holdfast.url)
  await newDesign(page, 'Instagram post')
  await page.getByLabel('Image file').setInputFiles({ name: 'night.png', mimeType: 'image/png', buffer: Buffer.from(pngImage(160, 90, [15, 20, 40])) })
  await expect(layerList(page).getByRole('button', { name: /^night Image/ })).toBeVisible()
  const help = inspector(page).getByRole('region', { name: 'AI help' })
  const alt = inspector(page).getByRole('textbox', { name: 'Alt text' })

  await help.getByRole('button', { name: 'Describe image' }).click()
  await expect(alt).toHaveValue(CLOUD_ALT, { timeout: 20_000 })
  await expect(help.getByRole('status')).toHaveText('Written by Vision Cloud · gpt-vision: check the alt text above and edit it if needed.')
  // The cloud got the image itself, as an image part of the request.
  expect(cloud.requests).toHaveLength(1)
  expect(cloud.requests[0]?.images).toHaveLength(1)
  expect(cloud.requests[0]?.images[0]?.mime).toMatch(/^image\/(png|jpeg|webp)$/)

  await cloud.setFault({ type: 'refuse' })
  await help.getByRole('button', { name: 'Describe image' }).click()
  await expect(alt).toHaveValue(CAPTIONS.dark, { timeout: 20_000 })
  await expect(help.getByRole('status')).toHaveText(`Written by the local model ${modelId}: check the alt text above and edit it if needed.`)
})
