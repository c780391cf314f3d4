import type { Locator, Page } from '@playwright/test'
import {
  caretToEnd,
  chooseDraft,
  draftButton,
  draftList,
  draftsPane,
  draftText,
  expectSaved,
  listedTitles,
  newDraft,
  openDrafts,
  recordSaveStatus,
  saveStatus,
  saveStatusHistory,
  titleField,
  typeTitle
} from './fixtures/drafts'
import * as Y from 'yjs'
import { WORKSPACE_INDEX_ID } from '../../src/shared/contracts/docs'
import { applyUpdates } from '../../src/shared/docs/yjsUpdates'
import { DRAFT_BODY_FIELD } from '../../src/shared/editor/fields'
import { listDrafts } from '../../src/shared/workspace/workspaceIndex'
import { expectNoSeriousViolations } from './fixtures/axe'
import { connectToHeadless } from './fixtures/rpcClient'
import { expect, test } from './fixtures/test'
import { chooseTheme, expectLooks } from './fixtures/ui'

/** Longer than the Yjs undo manager's capture timeout (500 ms): later typing is a separate undo step. */
const UNDO_STEP_PAUSE_MS = 800

/** Creates a draft with a title and a line of text, and waits until both are saved. */
async function writeDraft(page: Page, title: string, text: string): Promise<void> {
  await newDraft(page)
  await typeTitle(page, title)
  await draftText(page).click()
  await page.keyboard.type(text)
  await expect(draftText(page)).toHaveText(text)
  await expectSaved(page)
}

/** What the formatted draft must look like, wherever it is opened. */
async function expectFormattedDraft(page: Page): Promise<void> {
  const editor = draftText(page)
  await expect(editor.locator('h2')).toHaveText('Trip plan')
  await expect(editor.locator('p').first()).toHaveText('Pack the bold things first.')
  await expect(editor.locator('p strong')).toHaveText('bold')
  await expect(editor.locator('ul > li')).toHaveText(['tent', 'stove'])
  // Nothing else crept in: exactly these blocks, in this order (TipTap keeps an empty paragraph
  // after a list at the end, so the caret can leave it; that one is not content).
  const blocks = await editor.evaluate((element) =>
    [...element.children].filter((child) => child.tagName !== 'P' || child.textContent !== '').map((child) => child.tagName)
  )
  expect(blocks).toEqual(['H2', 'P', 'UL'])
}

function searchBox(page: Page): Locator {
  return draftsPane(page).getByRole('searchbox', { name: 'Search drafts' })
}

function searchResults(page: Page): Locator {
  return page.getByRole('list', { name: 'Search results' })
}

/**
 * Searches and expects exactly these titles. Drafts are indexed shortly after their changes are
 * stored, and a search runs when the words change: so the words are typed again until the index
 * has caught up.
 */
async function expectSearch(page: Page, words: string, titles: string[]): Promise<void> {
  await expect(async () => {
    await searchBox(page).fill('')
    await searchBox(page).fill(words)
    const shown = titles.length > 0 ? searchResults(page) : draftsPane(page).getByText('No draft contains those words.')
    await expect(shown).toBeVisible({ timeout: 2_000 })
    if (titles.length > 0) expect(await searchResults(page).locator('.draft-item-title').allTextContents()).toEqual(titles)
  }).toPass({ timeout: 15_000 })
}

test.describe('Drafts', () => {
  test('a new draft (Ctrl+N or the button) keeps its title, text and formatting across a reload and a restart', async ({
    page,
    holdfast
  }) => {
    await openDrafts(page, holdfast.url)
    await expect(draftsPane(page).getByText('No drafts yet. Start one with New draft.')).toBeVisible()

    // Ctrl+N starts a draft; so does the button.
    await newDraft(page, 'shortcut')
    await expect(draftList(page).getByRole('button', { name: /^Untitled/ })).toHaveCount(1)
    await newDraft(page, 'button')
    await expect(draftList(page).getByRole('button', { name: /^Untitled/ })).toHaveCount(2)

    await recordSaveStatus(page)
    await typeTitle(page, 'Packing list')
    await draftText(page).click()
    // "## " makes a heading, Ctrl+B bold, "- " a bulleted list.
    await page.keyboard.type('## Trip plan')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Pack the ')
    await page.keyboard.press('Control+b')
    await page.keyboard.type('bold')
    await page.keyboard.press('Control+b')
    await page.keyboard.type(' things first.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('- tent')
    await page.keyboard.press('Enter')
    await page.keyboard.type('stove')
    await expectFormattedDraft(page)
    await expectSaved(page)

    // The status said "Saving…" while the writes were in flight, then "Saved".
    const history = await saveStatusHistory(page)
    expect(history, `save status history: ${JSON.stringify(history)}`).toContain('Saving…')
    expect(history.at(-1)).toBe('Saved')
    expect(history.filter((text) => text !== 'Saving…' && text !== 'Saved'), 'no failure was shown').toEqual([])

    await expect(draftButton(draftList(page), 'Packing list')).toBeVisible()

    // After a reload: nothing is open until the draft is chosen from the list.
    await page.reload()
    await openDrafts(page, page.url())
    await expect(draftText(page)).toBeHidden()
    await chooseDraft(page, 'Packing list')
    await expectFormattedDraft(page)

    // After a restart of headless mode on the same data folder.
    const restarted = await holdfast.restart()
    await openDrafts(page, restarted.url)
    await expect(draftList(page).getByRole('button')).toHaveCount(2)
    await chooseDraft(page, 'Packing list')
    await expectFormattedDraft(page)
    await expect(saveStatus(page)).toHaveText('Saved')
  })

  test('Undo removes the last typed text and Redo puts it back', async ({ page, holdfast }) => {
    await openDrafts(page, holdfast.url)
    await newDraft(page)
    await draftText(page).click()
    await page.keyboard.type('First sentence.')
    await expectSaved(page)
    await page.waitForTimeout(UNDO_STEP_PAUSE_MS)
    await page.keyboard.type(' Second sentence.')
    await expect(draftText(page)).toHaveText('First sentence. Second sentence.')

    await page.keyboard.press('Control+z')
    await expect(draftText(page)).toHaveText('First sentence.')
    await page.keyboard.press('Control+Shift+z')
    await expect(draftText(page)).toHaveText('First sentence. Second sentence.')

    // The toolbar buttons do the same.
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' })
    await toolbar.getByRole('button', { name: 'Undo' }).click()
    await expect(draftText(page)).toHaveText('First sentence.')
    await toolbar.getByRole('button', { name: 'Redo' }).click()
    await expect(draftText(page)).toHaveText('First sentence. Second sentence.')
    await expect(toolbar.getByRole('button', { name: 'Redo' })).toBeDisabled()

    // What is saved is what is shown.
    await expectSaved(page)
    await page.reload()
    await openDrafts(page, page.url())
    await draftList(page).getByRole('button', { name: /^Untitled/ }).click()
    await expect(draftText(page)).toHaveText('First sentence. Second sentence.')
  })

  test('typed keys land where the caret is: mid-word, over a selection, in a new paragraph, over everything, accents and symbols too', async ({
    page,
    holdfast
  }) => {
    await openDrafts(page, holdfast.url)
    await newDraft(page)
    await draftText(page).click()
    // Mid-word: the caret stays after each typed key.
    await page.keyboard.type('Wrd')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.type('oo')
    await page.keyboard.press('End')
    await page.keyboard.type(' café — 5 € · naïve')
    await expect(draftText(page)).toHaveText('Woord café — 5 € · naïve')

    // Over a selection: the selected word is replaced.
    await page.keyboard.press('Home')
    await page.keyboard.press('Shift+ArrowRight')
    await page.keyboard.press('Shift+ArrowRight')
    await page.keyboard.type('B')
    await expect(draftText(page)).toHaveText('Bord café — 5 € · naïve')

    // A new paragraph takes what follows.
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Second line.')
    await expect(draftText(page).locator('p')).toHaveText(['Bord café — 5 € · naïve', 'Second line.'])

    // Across paragraphs: everything selected and typed over leaves one paragraph with the new text.
    await page.keyboard.press('Control+a')
    await page.keyboard.type('Fresh')
    await expect(draftText(page).locator('p')).toHaveText(['Fresh'])

    // What is saved is what is shown.
    await expectSaved(page)
    await page.reload()
    await openDrafts(page, page.url())
    await draftList(page).getByRole('button', { name: /^Untitled/ }).click()
    await expect(draftText(page).locator('p')).toHaveText(['Fresh'])
  })

  test('a paragraph another client stores into the open draft shows at once, without reopening it', async ({ page, holdfast }) => {
    await openDrafts(page, holdfast.url)
    await writeDraft(page, 'Wire copy', 'Filed at noon.')
    const rpc = await connectToHeadless(holdfast.url)
    try {
      const load = async (docId: string): Promise<Y.Doc> => {
        const doc = new Y.Doc()
        applyUpdates(doc, (await rpc.client.docs.load({ docId })).updates)
        return doc
      }
      let draftId: string | undefined
      await expect.poll(async () => (draftId = listDrafts(await load(WORKSPACE_INDEX_ID)).find((draft) => draft.title === 'Wire copy')?.id)).toBeDefined()
      // A script (a headless-mode client) adds a paragraph to the stored draft.
      const draft = await load(draftId ?? '')
      const before = Y.encodeStateVector(draft)
      const text = new Y.XmlText()
      text.insert(0, 'Updated at one.')
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [text])
      draft.getXmlFragment(DRAFT_BODY_FIELD).push([paragraph])
      await rpc.client.docs.append({ docId: draftId ?? '', updates: [Y.encodeStateAsUpdate(draft, before)] })
    } finally {
      rpc.close()
    }
    await expect(draftText(page).locator('p')).toHaveText(['Filed at noon.', 'Updated at one.'])
    // And typing goes on in the same document.
    await caretToEnd(page)
    await page.keyboard.type(' Checked.')
    await expect(draftText(page).locator('p')).toHaveText(['Filed at noon.', 'Updated at one. Checked.'])
    await expectSaved(page)
  })

  test('Find highlights every match and follows new text; Replace all is one undo step', async ({ page, holdfast }) => {
    await openDrafts(page, holdfast.url)
    await newDraft(page)
    await draftText(page).click()
    await page.keyboard.type('The river rises. River boats wait. The river floods the quay.')
    await page.keyboard.press('Control+f')
    const find = page.getByRole('search', { name: 'Find and replace' })
    await find.getByRole('textbox', { name: 'Find' }).fill('river')
    await expect(find.getByText('1 of 3')).toBeVisible()
    await expect(draftText(page).locator('.find-match')).toHaveCount(3)
    await expect(draftText(page).locator('.find-current')).toHaveText('river')
    await find.getByRole('textbox', { name: 'Find' }).press('Enter')
    await expect(find.getByText('2 of 3')).toBeVisible()
    await expect(draftText(page).locator('.find-current')).toHaveText('River')

    // Text typed while the bar is open is searched too.
    await draftText(page).click()
    await caretToEnd(page)
    await page.keyboard.type(' Rivers change.')
    await expect(find.getByText(/ of 4$/)).toBeVisible()
    await expect(draftText(page).locator('.find-match')).toHaveCount(4)

    await find.getByRole('textbox', { name: 'Replace with' }).fill('canal')
    await find.getByRole('button', { name: 'Replace all' }).click()
    await expect(draftText(page)).toHaveText('The canal rises. canal boats wait. The canal floods the quay. canals change.')
    await expect(find.getByText('No matches')).toBeVisible()
    await expect(draftText(page).locator('.find-match')).toHaveCount(0)
    await draftText(page).click()
    await page.keyboard.press('Control+z')
    await expect(draftText(page)).toHaveText('The river rises. River boats wait. The river floods the quay. Rivers change.')
    await expect(find.getByText(/ of 4$/)).toBeVisible()

    await find.getByRole('button', { name: 'Close find and replace' }).click()
    await expect(draftText(page).locator('.find-match')).toHaveCount(0)
    await expectSaved(page)
  })

  test('the list is sorted by last edited, and search narrows it to matching drafts', async ({ page, holdfast }) => {
    await openDrafts(page, holdfast.url)
    for (const title of ['Alpha notes', 'Beta plan', 'Gamma list']) {
      await newDraft(page)
      await typeTitle(page, title)
    }
    await expectSaved(page)
    // Newest first.
    await expect.poll(() => listedTitles(page)).toEqual(['Gamma list', 'Beta plan', 'Alpha notes'])

    // Editing the oldest draft's text moves it to the top.
    await chooseDraft(page, 'Alpha notes')
    await draftText(page).click()
    await page.keyboard.type('An edit about kayaks.')
    await expectSaved(page)
    await expect.poll(() => listedTitles(page)).toEqual(['Alpha notes', 'Gamma list', 'Beta plan'])

    // The order is stored, not just kept in the page.
    await page.reload()
    await openDrafts(page, page.url())
    await expect.poll(() => listedTitles(page)).toEqual(['Alpha notes', 'Gamma list', 'Beta plan'])

    // Search matches titles and text (word prefixes), and only matching drafts are listed.
    await expectSearch(page, 'beta', ['Beta plan'])
    await expectSearch(page, 'list', ['Gamma list'])
    await expectSearch(page, 'kayak', ['Alpha notes'])
    await expectSearch(page, 'nothing like this', [])
    await expect(draftsPane(page).getByText('No draft contains those words.')).toBeVisible()
    await expect(draftList(page)).toBeHidden()

    // A result opens the draft.
    await expectSearch(page, 'plan', ['Beta plan'])
    await searchResults(page).getByRole('button', { name: /^Beta plan/ }).click()
    await expect(titleField(page)).toHaveValue('Beta plan')

    // Clearing the search shows the whole list again, in the same order.
    await searchBox(page).fill('')
    await expect(searchResults(page)).toBeHidden()
    await expect.poll(() => listedTitles(page)).toEqual(['Alpha notes', 'Gamma list', 'Beta plan'])
  })

  test('Duplicate makes an independent copy titled "(copy)"', async ({ page, holdfast }) => {
    await openDrafts(page, holdfast.url)
    await writeDraft(page, 'Original', 'Shared opening line.')

    await page.getByRole('button', { name: 'Duplicate' }).click()
    await expect(titleField(page)).toHaveValue('Original (copy)')
    await expect(draftText(page)).toHaveText('Shared opening line.')
    await expect(draftButton(draftList(page), 'Original (copy)')).toBeVisible()
    await expect(draftList(page).getByRole('button')).toHaveCount(2)

    // Edit the copy only.
    await caretToEnd(page)
    await page.keyboard.type(' Only in the copy.')
    await expect(draftText(page)).toHaveText('Shared opening line. Only in the copy.')
    await expectSaved(page)

    await chooseDraft(page, 'Original')
    await expect(draftText(page)).toHaveText('Shared opening line.')

    // Still so once everything is loaded from storage again.
    await page.reload()
    await openDrafts(page, page.url())
    await chooseDraft(page, 'Original')
    await expect(draftText(page)).toHaveText('Shared opening line.')
    await chooseDraft(page, 'Original (copy)')
    await expect(draftText(page)).toHaveText('Shared opening line. Only in the copy.')
  })

  test('Move to trash takes a draft out of the list, and Restore brings it back', async ({ page, holdfast }) => {
    await openDrafts(page, holdfast.url)
    await writeDraft(page, 'Keep me', 'Kept text.')
    await writeDraft(page, 'Throw me away', 'Trashed text.')
    const trashToggle = draftsPane(page).getByRole('button', { name: /^Trash \(\d+\)$/ })
    await expect(trashToggle).toHaveText('Trash (0)')

    await page.getByRole('button', { name: 'Move to trash' }).click()
    await expect(draftText(page)).toBeHidden()
    await expect.poll(() => listedTitles(page)).toEqual(['Keep me'])
    await expect(trashToggle).toHaveText('Trash (1)')
    await expect(trashToggle).toHaveAttribute('aria-expanded', 'false')

    await trashToggle.click()
    await expect(trashToggle).toHaveAttribute('aria-expanded', 'true')
    const trash = page.getByRole('list', { name: 'Trash' })
    await expect(draftButton(trash, 'Throw me away')).toBeVisible()
    await expect(trash.getByRole('button', { name: 'Restore Throw me away' })).toBeVisible()

    // The trash is stored too. (With a draft open, "Saved" covers the index of drafts as well.)
    await chooseDraft(page, 'Keep me')
    await expectSaved(page)
    await page.reload()
    await openDrafts(page, page.url())
    await expect.poll(() => listedTitles(page)).toEqual(['Keep me'])
    await draftsPane(page).getByRole('button', { name: 'Trash (1)' }).click()
    await page.getByRole('list', { name: 'Trash' }).getByRole('button', { name: 'Restore Throw me away' }).click()

    await expect(draftButton(draftList(page), 'Throw me away')).toBeVisible()
    await expect(draftsPane(page).getByRole('button', { name: /^Trash \(\d+\)$/ })).toHaveText('Trash (0)')
    await expect(draftsPane(page).getByText('The trash is empty. Drafts stay here for 30 days.')).toBeVisible()
    await chooseDraft(page, 'Throw me away')
    await expect(draftText(page)).toHaveText('Trashed text.')
  })

  test('the status bar counts the words of the open draft', async ({ page, holdfast }) => {
    await openDrafts(page, holdfast.url)
    const statusBar = page.getByRole('contentinfo', { name: 'Status bar' })
    await expect(statusBar).not.toContainText('words')

    await newDraft(page)
    await expect(statusBar).toContainText('0 words · 0 min read')
    await draftText(page).click()
    await page.keyboard.type('The quick brown fox jumps')
    await expect(statusBar).toContainText('5 words · 1 min read')
    await page.keyboard.type(' over')
    await expect(statusBar).toContainText('6 words · 1 min read')
    await page.keyboard.press('Enter')
    await page.keyboard.type("the lazy dog's tail")
    await expect(statusBar).toContainText('10 words · 1 min read')

    // Counted again when the draft is opened from storage.
    await expectSaved(page)
    await page.reload()
    await openDrafts(page, page.url())
    await expect(statusBar).not.toContainText('words')
    await draftList(page).getByRole('button', { name: /^Untitled/ }).click()
    await expect(statusBar).toContainText('10 words · 1 min read')
  })

  for (const theme of ['Light', 'Dark'] as const) {
    test(`a draft open has no serious accessibility violations (axe-core), ${theme.toLowerCase()} theme`, async ({
      page,
      holdfast
    }) => {
      await openDrafts(page, holdfast.url)
      await chooseTheme(page, theme)
      await expectLooks(page, theme === 'Dark' ? 'dark' : 'light')
      await writeDraft(page, 'Old draft', 'Thrown away.')
      await page.getByRole('button', { name: 'Move to trash' }).click()
      await writeDraft(page, 'Accessible draft', 'Some text to read.')
      await writeDraft(page, 'Another draft', 'More text.')
      await draftText(page).click()
      await page.keyboard.press('Enter')
      await page.keyboard.type('## A heading')
      await expectSaved(page)
      // The trash shown too, with its Restore button.
      await draftsPane(page).getByRole('button', { name: 'Trash (1)' }).click()
      await expect(page.getByRole('button', { name: 'Restore Old draft' })).toBeVisible()

      await expectNoSeriousViolations(page, `draft open, ${theme.toLowerCase()} theme`)

      // With the link dialog open over the draft.
      await draftText(page).click()
      await page.keyboard.press('End')
      await page.keyboard.press('Shift+Home')
      await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Link' }).click()
      await expect(page.getByRole('dialog', { name: 'Link' })).toBeVisible()
      await expectNoSeriousViolations(page, `link dialog open, ${theme.toLowerCase()} theme`)
    })
  }

  test('Link adds a web link to the selected word and refuses a javascript: address', async ({ page, holdfast }) => {
    await openDrafts(page, holdfast.url)
    await newDraft(page)
    await draftText(page).click()
    await page.keyboard.type('Visit example today')
    // Select "today", then "example", with the keyboard.
    const selectBackwards = async (characters: number): Promise<void> => {
      for (let i = 0; i < characters; i++) await page.keyboard.press('Shift+ArrowLeft')
    }
    await selectBackwards('today'.length)
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' })
    const dialog = page.getByRole('dialog', { name: 'Link' })
    const address = dialog.getByRole('textbox', { name: 'Link address' })

    // A javascript: address is refused, with a message, and nothing is linked.
    await toolbar.getByRole('button', { name: 'Link' }).click()
    await expect(dialog).toBeVisible()
    await expect(address).toBeFocused()
    await address.fill('javascript:alert(1)')
    await expect(dialog.getByText('Only web (https://) and email (mailto:) links can be added.')).toBeVisible()
    await expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled()
    await address.press('Enter')
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    await expect(draftText(page).locator('a')).toHaveCount(0)

    // A plain address becomes an https:// link on the selected word.
    await draftText(page).click()
    await page.keyboard.press('End')
    for (let i = 0; i < ' today'.length; i++) await page.keyboard.press('ArrowLeft')
    await selectBackwards('example'.length)
    await toolbar.getByRole('button', { name: 'Link' }).click()
    await expect(address).toBeFocused()
    await address.fill('example.com')
    await expect(dialog.getByText('Only web (https://) and email (mailto:) links can be added.')).toBeHidden()
    await dialog.getByRole('button', { name: 'Apply' }).click()
    await expect(dialog).toBeHidden()

    const link = draftText(page).locator('a')
    await expect(link).toHaveCount(1)
    await expect(link).toHaveAttribute('href', 'https://example.com')
    await expect(link).toHaveText('example')
    await expect(draftText(page)).toHaveText('Visit example today')
    await expect(draftText(page).locator('a[href^="javascript"]')).toHaveCount(0)

    // The link is stored.
    await expectSaved(page)
    await page.reload()
    await openDrafts(page, page.url())
    await draftList(page).getByRole('button', { name: /^Untitled/ }).click()
    await expect(draftText(page).locator('a[href="https://example.com"]')).toHaveText('example')
  })
})
