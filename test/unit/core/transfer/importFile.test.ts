import { describe, expect, it } from 'vitest'
import { ImportError } from '../../../../src/core/transfer/importError'
import { importFile } from '../../../../src/core/transfer/importFile'
import { IMPORT_MAX_BYTES } from '../../../../src/shared/contracts/transfer'
import { bodyOf } from '../../../support/transfer'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

async function refusal(fileName: string, bytes: Uint8Array, limit?: number): Promise<ImportError> {
  try {
    await importFile(fileName, bytes, { limit })
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError)
    return error as ImportError
  }
  throw new Error(`${fileName} was imported`)
}

describe('importFile', () => {
  it('titles a draft after its first heading, whatever its level', async () => {
    expect((await importFile('notes.md', utf8('Intro text\n\n## The  real\ttitle\n\n# Later\n'))).title).toBe('The real title')
    expect((await importFile('page.html', utf8('<p>x</p><h3>From <em>HTML</em></h3>'))).title).toBe('From HTML')
  })

  it('titles a draft after the file name when it has no heading', async () => {
    expect((await importFile('Letter to Sam.txt', utf8('Dear Sam,\n\nHello.'))).title).toBe('Letter to Sam')
    expect((await importFile('archive.2024.MD', utf8('text'))).title).toBe('archive.2024')
  })

  it('reads plain text as paragraphs and line breaks, with no markup', async () => {
    const { updates, dropped } = await importFile('poem.txt', utf8('# not a heading\r\nline two\n\n\n<b>not bold</b>\n'))
    expect(bodyOf(updates)).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '# not a heading' }, { type: 'hardBreak' }, { type: 'text', text: 'line two' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '<b>not bold</b>' }] }
      ]
    })
    expect(dropped).toEqual([])
  })

  it('reads UTF-8 with a byte order mark, and UTF-16 with one', async () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('# Café')])
    expect((await importFile('a.md', bom)).title).toBe('Café')
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from('# Ωμέγα', (c) => c.charCodeAt(0)).buffer)])
    expect((await importFile('b.md', utf16)).title).toBe('Ωμέγα')
  })

  it('imports an empty file as an empty draft titled after the file', async () => {
    const result = await importFile('Empty.md', new Uint8Array())
    expect(result.title).toBe('Empty')
    expect(bodyOf(result.updates)).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] })
  })

  it('lists what it dropped', async () => {
    const { dropped } = await importFile('page.html', utf8('<p>Hi <img src="https://example.com/a.png"></p><script>x()</script>'))
    expect(dropped).toEqual(['1 script or embedded object', '1 image from the internet, not downloaded (https://example.com/a.png)'])
  })
})

describe('importFile refusals', () => {
  it('refuses a file over the size limit before reading it', async () => {
    const error = await refusal('big.md', new Uint8Array(IMPORT_MAX_BYTES + 1))
    expect(error.data).toEqual({ code: 'IMPORT_TOO_LARGE', fileName: 'big.md', size: IMPORT_MAX_BYTES + 1, limit: IMPORT_MAX_BYTES })
    expect(error.message).toBe('“big.md” is too large to import (5 MB); the limit is 5 MB.')
    expect((await refusal('big.txt', new Uint8Array(3 * 1024 * 1024), 1024 * 1024)).message).toBe('“big.txt” is too large to import (3 MB); the limit is 1 MB.')
  })

  it('refuses a kind of file it does not import, and says which it does', async () => {
    const error = await refusal('scan.pdf', utf8('%PDF-1.4'))
    expect(error.data).toEqual({ code: 'IMPORT_UNSUPPORTED', fileName: 'scan.pdf', extension: '.pdf' })
    expect(error.message).toContain('Markdown (.md, .markdown), HTML (.html, .htm), plain text (.txt) and Word (.docx)')
    expect((await refusal('old.doc', new Uint8Array(8))).message).toContain('save it as .docx')
    expect((await refusal('README', utf8('x'))).data).toMatchObject({ code: 'IMPORT_UNSUPPORTED', extension: '' })
  })

  it('refuses text files that are not UTF-8 text, naming the file and what was expected', async () => {
    const latin1 = Uint8Array.from([0x43, 0x61, 0x66, 0xe9]) // "Café" in Latin-1
    const error = await refusal('notes.md', latin1)
    expect(error.data).toEqual({ code: 'IMPORT_UNRECOGNISED', fileName: 'notes.md', expected: 'Markdown text in UTF-8' })
    expect(error.message).toMatch(/^“notes\.md” cannot be imported: it is not UTF-8 text .*Expected Markdown text in UTF-8\.$/)

    expect((await refusal('data.txt', Uint8Array.from([0x61, 0x00, 0x62]))).message).toContain('NUL bytes')
    expect((await refusal('page.html', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).message).toContain('it looks like a PNG image, not text')
    expect((await refusal('letter.txt', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).message).toContain('it looks like a zip archive (a Word .docx file is one)')
  })

  it('refuses a .docx that is not one', async () => {
    const error = await refusal('report.docx', utf8('<html><body>Saved as HTML</body></html>'))
    expect(error.data).toEqual({ code: 'IMPORT_UNRECOGNISED', fileName: 'report.docx', expected: 'a Word document (.docx)' })
  })
})
