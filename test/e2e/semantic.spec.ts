import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { writeTinyEmbeddingModel } from '../fixtures/tinyModels'
import { chooseDraft, draftText, draftsPane, expectSaved, newDraft, openDrafts, titleField, typeTitle } from './fixtures/drafts'
import { expect, test } from './fixtures/test'

// The tiny embedding model makes every known word its own direction: drafts that share words
// are related, drafts that share none are not. Nothing here touches the network.
const WORDS = ['harbour', 'ferry', 'storm', 'sailing', 'budget', 'tax', 'revenue', 'council']

async function writeDraft(page: Page, title: string, text: string): Promise<void> {
  await newDraft(page)
  await typeTitle(page, title)
  await draftText(page).click()
  // One input event rather than a keystroke per character: what is typed does not matter here.
  await page.keyboard.insertText(text)
  await expect(draftText(page)).toHaveText(text)
  await expectSaved(page)
}

function related(page: Page): Locator {
  return page.getByRole('region', { name: 'Related drafts' })
}

test.describe('Semantic search', () => {
  test('the Related drafts section lists the draft on the same subject, and opens it', async ({ page, launchHeadless, dataDir }) => {
    // Three drafts written, then a model loaded and run in the background.
    test.slow()
    await writeTinyEmbeddingModel(join(dataDir, 'models'), { words: WORDS })
    const holdfast = await launchHeadless(dataDir)
    await openDrafts(page, holdfast.url)
    await writeDraft(page, 'Ferry cancelled', 'The harbour ferry stayed in port as the storm grew.')
    await writeDraft(page, 'Budget vote', 'The council raised the tax to cover lost revenue.')
    await writeDraft(page, 'Storm at sea', 'A storm kept the harbour ferry from sailing.')

    // Embedding runs in the background a moment after the last change.
    await expect(related(page).getByRole('button', { name: /^Ferry cancelled/ })).toBeVisible({ timeout: 20_000 })
    await expect(related(page).getByRole('button', { name: /^Budget vote/ })).toHaveCount(0)

    // Search finds "Storm at sea" by its words, and "Ferry cancelled" only by meaning.
    await draftsPane(page).getByRole('searchbox', { name: 'Search drafts' }).fill('harbour sailing')
    const results = page.getByRole('list', { name: 'Search results' })
    await expect(results.getByRole('button')).toHaveCount(2)
    await expect(results.getByRole('button', { name: /^Storm at sea/ })).not.toContainText('by meaning')
    await expect(results.getByRole('button', { name: /^Ferry cancelled/ })).toContainText('by meaning')
    await draftsPane(page).getByRole('searchbox', { name: 'Search drafts' }).fill('')

    await related(page).getByRole('button', { name: /^Ferry cancelled/ }).click()
    await expect(titleField(page)).toHaveValue('Ferry cancelled')
    await expect(related(page).getByRole('button', { name: /^Storm at sea/ })).toBeVisible({ timeout: 20_000 })
    await chooseDraft(page, 'Budget vote')
    await expect(related(page)).toContainText('No related drafts yet.')
  })

  test('without an embeddings model, the section says what to install', async ({ page, holdfast }) => {
    await openDrafts(page, holdfast.url)
    await writeDraft(page, 'Ferry cancelled', 'The harbour ferry stayed in port as the storm grew.')
    await expect(related(page)).toContainText('Not available: install the semantic search model in Settings → Local models.')
  })
})
