import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from './fixtures/test'
import { openApp } from './fixtures/ui'

// Pasting from Word and Google Docs keeps headings, lists, emphasis and links. The clipboard
// HTML is delivered to the editor exactly as a real paste does: a paste event carrying text/html.

for (const fixture of ['word-2016.html', 'google-docs.html']) {
  test(`pasting ${fixture} keeps its structure`, async ({ page, holdfast }) => {
    const html = readFileSync(resolve('test/fixtures/paste', fixture), 'utf8')
    await openApp(page, holdfast.url)
    await page.getByRole('button', { name: 'New draft' }).click()
    const editor = page.getByRole('textbox', { name: 'Draft text' })
    await editor.click()
    await editor.evaluate((element, clipboardHtml) => {
      const data = new DataTransfer()
      data.setData('text/html', clipboardHtml)
      data.setData('text/plain', 'plain fallback')
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, html)

    await expect(editor.locator('h1')).toHaveText('Flood defences hold')
    await expect(editor.locator('h2')).toHaveText('What happened')
    await expect(editor.locator('strong')).toHaveText('4.2 metres')
    await expect(editor.locator('em')).toHaveText('Environment Agency')
    await expect(editor.locator('a[href="https://example.org/floods"]')).toHaveText('full warning')
    await expect(editor.locator('ul > li > p').first()).toHaveText('Barriers raised at 02:00')
    await expect(editor.locator('ul > li > ul > li')).toHaveText('East bank first')
    await expect(editor.locator('ol > li')).toHaveText(['Check the alerts', 'Move valuables upstairs'])
    await expect(editor).not.toContainText('·')
    await expect(page.getByRole('status').filter({ hasText: /^Sav/ })).toHaveText('Saved')
  })
}
