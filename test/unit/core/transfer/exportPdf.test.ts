import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import { exportPdf } from '../../../../src/core/transfer/exportPdf'
import { draftBody } from '../../../../src/core/transfer/loadDraft'
import { CORE_BLOCKS, EXTRA_BLOCKS, draftUpdates } from '../../../support/transfer'
import { noBlobs } from '../../../support/images'

async function pdfOf(blocks: Parameters<typeof draftUpdates>[0], title = 'Chapter One'): Promise<Uint8Array> {
  return exportPdf(draftBody(draftUpdates(blocks)), title, noBlobs)
}

describe('PDF export', () => {
  it('writes a PDF that a PDF reader opens, with the text, list markers and title', async () => {
    const bytes = await pdfOf([...CORE_BLOCKS, ...EXTRA_BLOCKS])
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-')
    expect(new TextDecoder().decode(bytes.subarray(-6)).trim()).toBe('%%EOF')
    const pdf = await getDocumentProxy(bytes.slice())
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Creator?: string } }
    expect(info.Title).toBe('Chapter One')
    expect(info.Creator).toBe('Holdfast')
    const { text } = await extractText(pdf, { mergePages: true })
    for (const expected of ['Chapter One', 'Plain, bold, italic, both and a link.', '• First point', '• Nested point', '1. Step one', '1. Sub-step', '2. Step two', 'A quote with emphasis', '[Image: A figure]', 'a new line']) {
      expect(text).toContain(expected)
    }
  })

  it('has real headings (the outline), clickable links and bold and italic faces', async () => {
    const bytes = await pdfOf(CORE_BLOCKS)
    const pdf = await getDocumentProxy(bytes.slice())
    const outline = (await pdf.getOutline()) as { title: string }[] | null
    expect(outline?.map((item) => item.title)).toEqual(['Chapter One', 'Lists', 'The end'])
    const page = await pdf.getPage(1)
    const links = (await page.getAnnotations()) as { subtype: string; url?: string }[]
    expect(links.filter((a) => a.subtype === 'Link').map((a) => a.url)).toEqual(
      expect.arrayContaining(['https://example.com/page?q=1', 'https://example.org/'])
    )
    const raw = Buffer.from(bytes).toString('latin1')
    for (const face of ['DejaVuSans-Bold', 'DejaVuSans-Oblique', 'DejaVuSans-BoldOblique', 'DejaVuSans']) expect(raw).toContain(face)
  })

  it('prints Latin, Greek and Cyrillic text as written (an embedded Unicode font)', async () => {
    const bytes = await pdfOf([{ type: 'paragraph', content: [{ type: 'text', text: 'Zażółć gęślą jaźń – Ωμέγα – Привет “quoted”' }] }])
    const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true })
    expect(text).toContain('Zażółć gęślą jaźń – Ωμέγα – Привет “quoted”')
  })

  it('flows a long draft over several pages', async () => {
    const paragraph = { type: 'paragraph', content: [{ type: 'text', text: 'A sentence that fills the line. '.repeat(20) }] }
    const bytes = await pdfOf(Array.from({ length: 40 }, () => paragraph))
    const pdf = await getDocumentProxy(bytes.slice())
    expect(pdf.numPages).toBeGreaterThan(3)
  })

  it('writes an empty draft as a valid one-page PDF', async () => {
    const pdf = await getDocumentProxy((await pdfOf([{ type: 'paragraph' }], '')).slice())
    expect(pdf.numPages).toBe(1)
    expect(((await pdf.getMetadata()).info as { Title?: string }).Title).toBe('Untitled')
  })
})
