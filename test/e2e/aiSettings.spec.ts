import type { Page } from '@playwright/test'
import { startFakeCloud, type FakeCloud } from '../fixtures/fakeCloud'
import { draftText, newDraft, openDrafts } from './fixtures/drafts'
import { expect, test } from './fixtures/test'
import { closeSettings, openApp, openSettings } from './fixtures/ui'

const KEY = 'sk-settings-e2e-key'
// Headless mode reads provider keys from the variables the settings name.
process.env.HOLDFAST_E2E_SETTINGS_KEY = KEY

let cloud: FakeCloud

test.beforeEach(async () => {
  cloud = await startFakeCloud({ answer: 'A tighter version of the text.', apiKey: KEY, model: 'gpt-fake' })
})

test.afterEach(async () => {
  await cloud.close()
})

async function openAiSettings(page: Page): Promise<void> {
  const dialog = await openSettings(page)
  await expect(dialog.getByRole('heading', { name: 'AI providers' })).toBeVisible()
}

test('a provider is added, tested, ordered per action and removed in Settings, and then answers', async ({ page, holdfast }) => {
  await openApp(page, holdfast.url)
  await openAiSettings(page)
  await expect(page.getByText('No cloud provider yet')).toBeVisible()

  await page.getByRole('button', { name: 'Add provider' }).click()
  const form = page.getByRole('form', { name: 'Add a provider' })
  await form.getByLabel('Start from').selectOption('vLLM')
  await form.getByLabel('Name').fill('Newsroom server')
  await form.getByLabel('Base URL').fill(cloud.openaiBaseUrl)
  await form.getByLabel('Model').fill('gpt-fake')
  await form.getByLabel('Key variable').fill('HOLDFAST_E2E_SETTINGS_KEY')
  await form.getByLabel('Monthly token cap').fill('100000')
  await form.getByLabel('Can see images').check()
  await form.getByRole('button', { name: 'Add provider' }).click()

  const providers = page.getByRole('list', { name: 'Configured providers' })
  await expect(providers.getByRole('listitem')).toHaveCount(1)
  await expect(providers).toContainText('Newsroom server · gpt-fake')
  await expect(providers).toContainText('can see images')
  await expect(providers).toContainText('key saved · 0 tokens this month of 100,000')

  await page.getByRole('button', { name: 'Test Newsroom server' }).click()
  await expect(providers.getByRole('status')).toContainText(/Works \(\d+ ms to the first token\)/)

  // Rule-based help first for Shorten, then back to the default order.
  // The design tasks have chains of their own.
  for (const task of ['Design copy', 'Palette from a mood', 'Alt text for images']) {
    await page.getByLabel('Order for').selectOption({ label: task })
    await expect(page.getByRole('list', { name: `Providers for ${task}, in order` })).toBeVisible()
  }
  await page.getByLabel('Order for').selectOption('shorten')
  const order = page.getByRole('list', { name: 'Providers for Shorten, in order' })
  await expect(order.getByRole('listitem')).toHaveText(['Newsroom server↑↓', 'Rule-based help↑↓'])
  await page.getByRole('button', { name: 'Move Rule-based help up' }).click()
  await expect(order.getByRole('listitem')).toHaveText(['Rule-based help↑↓', 'Newsroom server↑↓'])

  await closeSettings(page)
  await openDrafts(page, page.url())
  await newDraft(page)
  await draftText(page).click()
  await page.keyboard.type('In order to make a decision, the board met.')
  const suggestion = page.getByRole('region', { name: 'Suggestion' })
  await page.getByRole('button', { name: 'Shorten' }).click()
  await expect(suggestion.getByRole('status')).toHaveText('Answered by Rule-based help · rule-based')
  await page.getByRole('button', { name: 'Rewrite' }).click()
  await expect(suggestion.getByRole('status')).toHaveText('Answered by Newsroom server · gpt-fake')
  await expect(suggestion).toContainText('A tighter version of the text.')

  await openAiSettings(page)
  await expect(page.getByRole('list', { name: 'Configured providers' })).toContainText(/[1-9][\d,]* tokens this month of 100,000/)
  await page.getByRole('button', { name: 'Remove Newsroom server' }).click()
  await expect(page.getByText('No cloud provider yet')).toBeVisible()
})

test('a refused key is reported with what to fix, and the answer comes from the next provider', async ({ page, holdfast }) => {
  await openApp(page, holdfast.url)
  await openAiSettings(page)
  await page.getByRole('button', { name: 'Add provider' }).click()
  const form = page.getByRole('form', { name: 'Add a provider' })
  await form.getByLabel('Name').fill('Wrong key')
  await form.getByLabel('Base URL').fill(cloud.openaiBaseUrl)
  await form.getByLabel('Model').fill('gpt-fake')
  await form.getByLabel('Key variable').fill('HOLDFAST_E2E_NO_SUCH_VARIABLE')
  await form.getByRole('button', { name: 'Add provider' }).click()
  await page.getByRole('button', { name: 'Test Wrong key' }).click()
  await expect(page.getByRole('list', { name: 'Configured providers' }).getByRole('status')).toContainText(/key/i)
  await closeSettings(page)

  await openDrafts(page, page.url())
  await newDraft(page)
  await draftText(page).click()
  await page.keyboard.type('The the council met on Tuesday.')
  await page.getByRole('button', { name: 'Fix grammar' }).click()
  const suggestion = page.getByRole('region', { name: 'Suggestion' })
  await expect(suggestion.getByRole('status')).toHaveText('Answered by Rule-based help · rule-based')
  await expect(suggestion).toContainText(/key/i)
  await expect(page.getByRole('contentinfo', { name: 'Status bar' })).toContainText('Wrong key: healthy')
})
