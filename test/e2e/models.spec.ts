import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { startFakeHub, tinyTextRepo, type FakeHub } from '../fixtures/fakeHub'
import { draftText, expectSaved, newDraft, openDrafts } from './fixtures/drafts'
import { expect, test } from './fixtures/test'
import { closeSettings, openSettings } from './fixtures/ui'

// The model manager against a fake Hub: the bundled catalog's smallest chat model, served as a
// tiny deterministic model under the catalog's file names, downloaded through the UI.

const REPO = 'HuggingFaceTB/SmolLM2-135M-Instruct'
const NAME = 'SmolLM2 135M Instruct'
const SENTENCE = 'The ferry timetable changes on Monday because of the storm.'
const WEIGHTS = 'onnx/model_q4.onnx'

let hub: FakeHub

test.beforeEach(async () => {
  const files = await tinyTextRepo(SENTENCE)
  // The tiny model's weights under the catalog's q4 file name (the loader picks the file by name).
  const { 'onnx/model.onnx': weights, ...rest } = files
  hub = await startFakeHub({ repos: { [REPO]: { ...rest, [WEIGHTS]: weights as Uint8Array } } })
})

test.afterEach(async () => {
  await hub.close()
})

function modelRow(settings: Locator): Locator {
  return settings.getByRole('list', { name: 'Models' }).getByRole('listitem', { name: NAME })
}

async function rewriteAnswer(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Rewrite' }).click()
  return page.getByRole('region', { name: 'Suggestion' })
}

test('a model is downloaded with progress, paused, resumed, used offline, exported as a pack, deleted and imported back', async ({ page, launchHeadless, dataDir }) => {
  const holdfast = await launchHeadless(dataDir, ['--hub', hub.url])
  await openDrafts(page, holdfast.url)
  await newDraft(page)
  await draftText(page).click()
  await page.keyboard.type('The ferry will not run on Monday.')
  await expectSaved(page)

  // About 2 s for the weights, so the progress bar and Pause can be seen.
  hub.faults.add(WEIGHTS, { type: 'throttle', bytesPerSecond: 2048 }, 1)
  const settings = await openSettings(page)
  const row = modelRow(settings)
  await expect(row).toContainText('Not installed')
  await row.getByRole('button', { name: `Download ${NAME}` }).click()
  await expect(row.getByRole('progressbar', { name: `Download of ${NAME}` })).toBeVisible()
  await expect(row).toContainText(/Downloading: .* of /)
  // Pause once part of the weights has arrived, so the resume has something to continue from.
  await expect.poll(() => hub.bytesServed(WEIGHTS), { timeout: 10_000 }).toBeGreaterThan(1024)
  await row.getByRole('button', { name: `Pause ${NAME}` }).click()
  await expect(row).toContainText('Paused at')
  await row.getByRole('button', { name: `Resume ${NAME}` }).click()
  await expect(row).toContainText('Installed', { timeout: 15_000 })
  await expect(row).toContainText('In use')
  // The resumed download asked only for the rest of the weights.
  expect(hub.requests.some((r) => r.file === WEIGHTS && r.range !== undefined)).toBe(true)
  await closeSettings(page)

  const suggestion = await rewriteAnswer(page)
  await expect(suggestion.getByRole('status')).toHaveText(`Answered by Local model · ${REPO}`, { timeout: 20_000 })
  await expect(suggestion).toContainText(SENTENCE)
  await suggestion.getByRole('button', { name: 'Cancel' }).click()

  // A pack for an air-gapped machine: exported, the model deleted, the pack imported.
  const pack = join(dataDir, '..', `smollm-pack-${Date.now()}.zip`)
  const again = await openSettings(page)
  const installed = modelRow(again)
  await installed.getByRole('button', { name: `Export ${NAME} as a pack` }).click()
  const exportField = again.getByRole('textbox', { name: `Save ${NAME} as a pack at` })
  await exportField.fill(pack)
  await again.getByRole('button', { name: 'Export pack', exact: true }).click()
  await expect(again.getByRole('region', { name: 'Local models' }).getByRole('status')).toContainText('Saved the pack as')
  await installed.getByRole('button', { name: `Delete ${NAME}` }).click()
  await expect(installed).toContainText('Not installed')
  await again.getByRole('textbox', { name: /Model pack to import/ }).fill(pack)
  await again.getByRole('button', { name: 'Import pack' }).click()
  await expect(again.getByRole('region', { name: 'Local models' }).getByRole('status')).toContainText(`Installed ${REPO} from the pack`)
  await expect(installed).toContainText('Installed from a pack')
})

test('a download whose file does not match its published hash is refused and says so', async ({ page, launchHeadless, dataDir }) => {
  const holdfast = await launchHeadless(dataDir, ['--hub', hub.url])
  await openDrafts(page, holdfast.url)
  hub.faults.add(WEIGHTS, { type: 'wrong-bytes' })
  const settings = await openSettings(page)
  const row = modelRow(settings)
  await row.getByRole('button', { name: `Download ${NAME}` }).click()
  await expect(row.getByRole('alert')).toContainText(/did not match/i)
  await expect(row.getByRole('button', { name: `Download ${NAME}` })).toBeVisible()
})
