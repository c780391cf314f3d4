import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { startFakeCloud, type FakeCloud } from '../fixtures/fakeCloud'
import { writeTinyTextModel } from '../fixtures/tinyModels'
import { draftText, expectSaved, newDraft, openDrafts } from './fixtures/drafts'
import { expect, test, type HeadlessInstance } from './fixtures/test'

// Long enough to be cut well past the point where it is continued rather than restarted.
const ANSWER =
  'The council approved the harbour budget on Tuesday after a long debate about the sea wall. ' +
  'Residents who spoke at the meeting asked for the work to start before the winter storms, and the mayor promised a timetable by the end of the month. ' +
  'Engineers say the repairs will take two years and will close the eastern footpath for most of that time. ' +
  'Shop owners on the quay worry about losing visitors, but the council says a temporary path will keep the promenade open. ' +
  'The first contracts are expected to be signed in the spring.'

interface Clouds {
  primary: FakeCloud
  backup: FakeCloud
}

let clouds: Clouds
const BACKUP_KEY = 'sk-ant-e2e-backup'
// Headless mode inherits this environment; the providers file names the variable, never the key.
process.env.HOLDFAST_E2E_BACKUP_KEY = BACKUP_KEY

test.beforeEach(async () => {
  clouds = {
    // A local OpenAI-compatible server (Ollama, vLLM) needs no key; the Anthropic fake checks its key.
    primary: await startFakeCloud({ answer: ANSWER, tokenIntervalMs: 5, model: 'gpt-fake' }),
    backup: await startFakeCloud({ answer: ANSWER, tokenIntervalMs: 5, model: 'claude-fake', apiKey: BACKUP_KEY })
  }
})

test.afterEach(async () => {
  await clouds.primary.close()
  await clouds.backup.close()
})

/** Headless mode with the two fake clouds as providers, and a short breaker so fail-back fits a test. */
async function startWithClouds(launchHeadless: (dir?: string, args?: readonly string[]) => Promise<HeadlessInstance>, dataDir: string): Promise<HeadlessInstance> {
  const file = join(dataDir, '..', `providers-${Date.now()}-${Math.random().toString(36).slice(2)}.json`)
  await writeFile(
    file,
    JSON.stringify({
      providers: [
        { id: 'primary', label: 'Primary Cloud', kind: 'openai-compatible', baseUrl: clouds.primary.openaiBaseUrl, model: 'gpt-fake' },
        { id: 'backup', label: 'Backup Cloud', kind: 'anthropic', baseUrl: clouds.backup.anthropicBaseUrl, model: 'claude-fake', apiKeyEnv: 'HOLDFAST_E2E_BACKUP_KEY' }
      ],
      policy: {
        breaker: { failuresToOpen: 3, openMs: 1000, maxOpenMs: 2000, jitter: 0, probeSuccessesToClose: 2, probeBudgetMs: 5000 }
      }
    })
  )
  return launchHeadless(dataDir, ['--providers', file])
}

function suggestion(page: Page): Locator {
  return page.getByRole('region', { name: 'Suggestion' })
}

/** The answer text in the preview, without the seam notes. */
function previewText(page: Page): Promise<string> {
  return suggestion(page)
    .locator('.suggestion-text span[title]')
    .allTextContents()
    .then((parts) => parts.join(''))
}

async function writeSomething(page: Page, url: string): Promise<void> {
  await openDrafts(page, url)
  await newDraft(page)
  await draftText(page).click()
  await page.keyboard.type('The council met on Tuesday to talk about the harbour.')
  await expectSaved(page)
}

test.describe('Writing assistant with failover', () => {
  test('the cloud dies in the middle of an answer and the answer completes from the next provider, seam marked', async ({ page, launchHeadless, dataDir }) => {
    const holdfast = await startWithClouds(launchHeadless, dataDir)
    await writeSomething(page, holdfast.url)
    await clouds.primary.setFault({ type: 'cut', afterTokens: 60 }, { times: 1 })

    await page.getByRole('button', { name: 'Rewrite' }).click()

    await expect(suggestion(page).getByRole('status')).toHaveText('Answered by Backup Cloud · claude-fake')
    expect(await previewText(page)).toBe(ANSWER)
    await expect(suggestion(page).getByRole('note')).toHaveText('Primary Cloud dropped the connection mid-answer; Backup Cloud continued from here.')
    // The backup was asked to continue from exactly what the primary had sent.
    const continued = clouds.backup.requests.at(-1)?.body as { messages: { role: string; content: unknown }[] }
    expect(JSON.stringify(continued.messages)).toContain(ANSWER.split(' ').slice(0, 60).join(' '))

    await suggestion(page).getByRole('button', { name: 'Accept' }).click()
    await expect(suggestion(page)).toBeHidden()
    await expect(draftText(page)).toHaveText(ANSWER)
    await page.getByRole('button', { name: 'Show AI text' }).click()
    const provenance = await draftText(page).locator('[data-provenance]').evaluateAll((spans) => spans.map((s) => s.getAttribute('data-provenance')))
    expect(new Set(provenance)).toEqual(new Set(['Primary Cloud · gpt-fake', 'Backup Cloud · claude-fake']))
    // One Undo takes the accepted answer back, whole; Redo puts it in again.
    await draftText(page).click()
    await page.keyboard.press('Control+z')
    await expect(draftText(page)).toHaveText('The council met on Tuesday to talk about the harbour.')
    await page.keyboard.press('Control+Shift+z')
    await expect(draftText(page)).toHaveText(ANSWER)
    await expectSaved(page)
  })

  test('while the cloud is down answers come from the next provider; once it recovers the next answer comes from it again', async ({ page, launchHeadless, dataDir }) => {
    const holdfast = await startWithClouds(launchHeadless, dataDir)
    await writeSomething(page, holdfast.url)
    await clouds.primary.setFault({ type: 'refuse' })

    await page.getByRole('button', { name: 'Shorten' }).click()
    await expect(suggestion(page).getByRole('status')).toHaveText('Answered by Backup Cloud · claude-fake')
    const statusBar = page.getByRole('contentinfo', { name: 'Status bar' })
    await expect(statusBar).toContainText(/Primary Cloud: down since \d\d:\d\d/)
    await expect(statusBar).toContainText('Backup Cloud: healthy')

    await clouds.primary.setFault({ type: 'none' })
    await expect(statusBar).toContainText('Primary Cloud: healthy', { timeout: 15_000 })
    await suggestion(page).getByRole('button', { name: 'Retry' }).click()
    await expect(suggestion(page).getByRole('status')).toHaveText('Answered by Primary Cloud · gpt-fake')
    expect(await previewText(page)).toBe(ANSWER)
  })

  test('Cancel stops the answer at once and keeps what came so far', async ({ page, launchHeadless, dataDir }) => {
    const holdfast = await startWithClouds(launchHeadless, dataDir)
    await writeSomething(page, holdfast.url)
    await clouds.primary.setFault({ type: 'trickle', intervalMs: 150 })

    await page.getByRole('button', { name: 'Expand' }).click()
    await expect(suggestion(page).getByRole('status')).toHaveText('Writing with Primary Cloud · gpt-fake…')
    await expect.poll(() => previewText(page)).toMatch(/^The council approved/)
    await suggestion(page).getByRole('button', { name: 'Cancel' }).click()
    await expect(suggestion(page).getByRole('status')).toHaveText('Stopped. The text so far is kept below.')
    const kept = await previewText(page)
    await page.waitForTimeout(600)
    expect(await previewText(page)).toBe(kept)
    expect(ANSWER.startsWith(kept)).toBe(true)
  })

  test('with "Never send to cloud" nothing reaches the cloud; rule-based help answers what it can and says what it cannot', async ({ page, launchHeadless, dataDir }) => {
    const holdfast = await startWithClouds(launchHeadless, dataDir)
    await writeSomething(page, holdfast.url)
    await page.keyboard.type(' In order to fix the the wall, they they will close the path.')
    await page.getByRole('switch', { name: 'Never send to cloud' }).check()
    await expect(page.getByText('Never send to cloud is on')).toBeVisible()

    await page.getByRole('button', { name: 'Fix grammar' }).click()
    await expect(suggestion(page).getByRole('status')).toHaveText('Answered by Rule-based help · rule-based')
    expect(await previewText(page)).toContain('to fix the wall, they will close the path.')

    await page.getByRole('button', { name: 'Rewrite' }).click()
    await expect(suggestion(page).getByRole('alert')).toContainText(/rewrit/i)
    await expect(suggestion(page).getByRole('alert')).toContainText(/local model/i)
    expect(clouds.primary.requests).toHaveLength(0)
    expect(clouds.backup.requests).toHaveLength(0)
  })

  test('with every cloud down, an installed local model answers what rule-based help cannot', async ({ page, launchHeadless, dataDir }) => {
    const sentence = 'The harbour council will meet again next week to decide on the sea wall.'
    const { modelId } = await writeTinyTextModel(join(dataDir, 'models'), { sentence })
    const holdfast = await startWithClouds(launchHeadless, dataDir)
    await writeSomething(page, holdfast.url)
    await clouds.primary.setFault({ type: 'refuse' })
    await clouds.backup.setFault({ type: 'refuse' })
    const statusBar = page.getByRole('contentinfo', { name: 'Status bar' })
    await expect(statusBar).toContainText('Local model: local')

    await page.getByRole('button', { name: 'Rewrite' }).click()
    await expect(suggestion(page).getByRole('status')).toHaveText(`Answered by Local model · ${modelId}`, { timeout: 20_000 })
    expect(await previewText(page)).toBe(sentence)
    await expect(statusBar).toContainText(/Primary Cloud: down since/)
    await expect(statusBar).toContainText(/Backup Cloud: down since/)
  })
})
