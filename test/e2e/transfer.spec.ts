import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Download, Page } from '@playwright/test'
import { draftButton, draftList, draftText, draftsPane, expectSaved, openDrafts, titleField } from './fixtures/drafts'
import { REPO_ROOT } from './fixtures/headless'
import { expect, test } from './fixtures/test'

const SAMPLE = resolve(REPO_ROOT, 'test/fixtures/transfer/sample.md')

/** Imports files through the Import… button and the browser's file chooser, as a user does. */
async function importFiles(page: Page, files: Parameters<import('@playwright/test').FileChooser['setFiles']>[0]): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await draftsPane(page).getByRole('button', { name: 'Import…' }).click()
  await (await chooser).setFiles(files)
}

async function exportAs(page: Page, label: string): Promise<{ download: Download; text: string }> {
  const downloaded = page.waitForEvent('download')
  await page.getByRole('combobox', { name: 'Export as' }).selectOption({ label })
  const download = await downloaded
  const path = await download.path()
  return { download, text: await readFile(path, 'utf8') }
}

test.describe('Import and export', () => {
  test.beforeEach(async ({ page, holdfast }) => {
    await openDrafts(page, holdfast.url)
  })

  test('a Markdown file becomes a draft with its heading and lists, and exports as Markdown and HTML', async ({ page }) => {
    await importFiles(page, SAMPLE)

    await expect(draftButton(draftList(page), 'Harbour walk')).toBeVisible()
    await expect(titleField(page)).toHaveValue('Harbour walk')
    const body = draftText(page)
    await expect(body.getByRole('heading', { level: 1, name: 'Harbour walk' })).toBeVisible()
    await expect(body.locator('strong')).toHaveText('calm')
    await expect(body.locator('em')).toHaveText('early')
    await expect(body.getByRole('link', { name: 'the tide table' })).toHaveAttribute('href', 'https://example.com/tides')
    await expect(body.locator('ul > li')).toHaveText(['Boots', 'MapCoast path sheet', 'Coast path sheet'])
    await expect(body.locator('ol > li')).toHaveText(['Leave the harbour', 'Follow the cliff path'])
    await expectSaved(page)

    const markdown = await exportAs(page, 'Markdown')
    expect(markdown.download.suggestedFilename()).toBe('Harbour walk.md')
    expect(markdown.text).toBe(await readFile(SAMPLE, 'utf8'))

    const html = await exportAs(page, 'HTML')
    expect(html.download.suggestedFilename()).toBe('Harbour walk.html')
    expect(html.text).toContain('<title>Harbour walk</title>')
    expect(html.text).toContain('<h1>Harbour walk</h1>')
    expect(html.text).toContain('<strong>calm</strong>')
    expect(html.text).toContain('href="https://example.com/tides"')
    expect(html.text).toMatch(/<ul><li><p>Boots<\/p><\/li><li><p>Map<\/p><ul><li><p>Coast path sheet<\/p><\/li><\/ul><\/li><\/ul>/)
    expect(html.text).toMatch(/<ol><li><p>Leave the harbour<\/p><\/li><li><p>Follow the cliff path<\/p><\/li><\/ol>/)
  })

  test('an edit made just before exporting is in the exported file', async ({ page }) => {
    await importFiles(page, SAMPLE)
    await expect(titleField(page)).toHaveValue('Harbour walk')
    await draftText(page).getByText('Follow the cliff path').click()
    await page.keyboard.press('End')
    await page.keyboard.type(' home')
    const { text } = await exportAs(page, 'Plain text')
    expect(text).toContain('2. Follow the cliff path home\n')
  })

  test('Word and PDF exports download as files of their kind', async ({ page }) => {
    await importFiles(page, SAMPLE)
    await expect(titleField(page)).toHaveValue('Harbour walk')
    for (const [label, name, magic] of [
      ['Word (.docx)', 'Harbour walk.docx', 'PK'],
      ['PDF', 'Harbour walk.pdf', '%PDF-']
    ] as const) {
      const downloaded = page.waitForEvent('download')
      await page.getByRole('combobox', { name: 'Export as' }).selectOption({ label })
      const download = await downloaded
      expect(download.suggestedFilename()).toBe(name)
      expect((await readFile(await download.path())).subarray(0, magic.length).toString('latin1')).toBe(magic)
    }
  })

  test('a file that is not what its name says is refused with a clear message, and nothing is added', async ({ page }) => {
    await importFiles(page, { name: 'Report.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('just some text') })
    await expect(draftsPane(page).getByRole('alert')).toHaveText(
      '“Report.docx” cannot be imported: it is not a zip archive, which every .docx file is (it looks like text). Expected a Word document (.docx).'
    )
    await expect(draftList(page).getByRole('button')).toHaveCount(0)
  })

  test('a file over the size limit is refused before it is sent', async ({ page }) => {
    await importFiles(page, { name: 'Huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(6 * 1024 * 1024, 'a') })
    await expect(draftsPane(page).getByRole('alert')).toHaveText('“Huge.txt” is too large to import (6 MB); the limit is 5 MB.')
    await expect(draftList(page).getByRole('button')).toHaveCount(0)
  })

  test('what an HTML import leaves out is listed', async ({ page }) => {
    const html = '<h2>Clipping</h2><p>Text <img src="https://tracker.example/p.gif"></p><script>alert(1)</script>'
    await importFiles(page, { name: 'clip.html', mimeType: 'text/html', buffer: Buffer.from(html) })
    await expect(titleField(page)).toHaveValue('Clipping')
    const notice = draftsPane(page).getByRole('status').filter({ hasText: 'Left out' })
    await expect(notice).toContainText('Imported “Clipping”. Left out:')
    await expect(notice.getByRole('listitem')).toHaveText([
      '1 script or embedded object',
      '1 image from the internet, not downloaded (https://tracker.example/p.gif)'
    ])
    await expect(draftText(page)).not.toContainText('alert')
  })
})
