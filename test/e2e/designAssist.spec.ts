import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startFakeCloud, type FakeCloud } from '../fixtures/fakeCloud'
import { writeTinyCaptionModel, writeTinyTextModel } from '../fixtures/tinyModels'
import { pngImage } from '../support/images'
import { inspector, layerList, newDesign, openDesigns } from './fixtures/designs'
import { expect, test } from './fixtures/test'

// Copy variants for a design's text layer through the AI router: the cloud is down, so the tiny
// local model (which always writes the same three lines, numbered and bulleted as small models
// do) answers; its lines come back cleaned, within the box's budget, and named as its work.

const MODEL_LINES = '1. Big news lands on 12 June\n2. Something big is coming\n- Be there for the reveal'
const VARIANTS = ['Big news lands on 12 June', 'Something big is coming', 'Be there for the reveal']

let cloud: FakeCloud

test.beforeEach(async () => {
  cloud = await startFakeCloud({ answer: 'unused', model: 'gpt-fake' })
})

test.afterEach(async () => {
  await cloud.close()
})

test('with the cloud down, "Suggest copy" gives variants written by the local model; "Use" puts one in the layer', async ({ page, launchHeadless, dataDir }) => {
  const { modelId } = await writeTinyTextModel(join(dataDir, 'models'), { sentence: MODEL_LINES })
  const providers = join(dataDir, '..', `providers-${Date.now()}-${Math.random().toString(36).slice(2)}.json`)
  await writeFile(
    providers,
    JSON.stringify({ providers: [{ id: 'primary', label: 'Primary Cloud', kind: 'openai-compatible', baseUrl: cloud.openaiBaseUrl, model: 'gpt-fake' }] })
  )
  const holdfast = await launchHeadless(dataDir, ['--providers', providers])
  await cloud.setFault({ type: 'refuse' })

  await openDesigns(page, holdfast.url)
  await newDesign(page, 'Bold announcement')
  await layerList(page).getByRole('button', { name: /^Headline/ }).click()
  const text = inspector(page).getByRole('textbox', { name: 'Text', exact: true })
  await expect(text).toHaveValue('Something big is on the way')

  const help = inspector(page).getByRole('region', { name: 'AI help' })
  await help.getByRole('button', { name: 'Suggest copy' }).click()
  const variants = help.getByRole('list', { name: 'Copy variants' })
  await expect(variants.getByRole('listitem')).toHaveCount(3, { timeout: 20_000 })
  for (const variant of VARIANTS) await expect(variants.getByRole('button', { name: `Use “${variant}”`, exact: true })).toBeVisible()
  await expect(help.getByRole('status')).toHaveText(`Written by Local model · ${modelId}`)

  await variants.getByRole('button', { name: `Use “${VARIANTS[1]}”` }).click()
  await expect(text).toHaveValue(VARIANTS[1] ?? '')
  // Nothing reached the cloud: it was down the whole time.
  expect(cloud.requests).toHaveLength(0)
})

test('"Describe image" writes an image layer’s alt text with the local captioning model', async ({ page, launchHeadless, dataDir }) => {
  const captions = { dark: 'A dark harbour at night.', light: 'A white sail on a bright sea.' }
  const { modelId } = await writeTinyCaptionModel(join(dataDir, 'models'), captions)
  const holdfast = await launchHeadless(dataDir)
  await openDesigns(page, holdfast.url)
  await newDesign(page, 'Instagram post')
  await page.getByLabel('Image file').setInputFiles({ name: 'night.png', mimeType: 'image/png', buffer: Buffer.from(pngImage(160, 90, [15, 20, 40])) })
  await expect(layerList(page).getByRole('button', { name: /^night Image/ })).toBeVisible()

  const help = inspector(page).getByRole('region', { name: 'AI help' })
  await help.getByRole('button', { name: 'Describe image' }).click()
  await expect(inspector(page).getByRole('textbox', { name: 'Alt text' })).toHaveValue(captions.dark, { timeout: 20_000 })
  await expect(help.getByRole('status')).toContainText(`Written by the local model ${modelId}`)
})

test('without a captioning model, "Describe image" on a design says where to install one and leaves the alt text', async ({ page, holdfast }) => {
  await openDesigns(page, holdfast.url)
  await newDesign(page, 'Instagram post')
  await page.getByLabel('Image file').setInputFiles({ name: 'night.png', mimeType: 'image/png', buffer: Buffer.from(pngImage(160, 90, [15, 20, 40])) })
  const help = inspector(page).getByRole('region', { name: 'AI help' })
  await help.getByRole('button', { name: 'Describe image' }).click()
  await expect(help.getByRole('alert')).toHaveText(
    'No alt text model is installed and no cloud provider can see images. Install the alt text model in Settings → Local models, or add a vision-capable cloud provider in Settings → AI providers.'
  )
  await expect(inspector(page).getByRole('textbox', { name: 'Alt text' })).toHaveValue('')
})
