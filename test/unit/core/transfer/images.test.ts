import { describe, expect, it } from 'vitest'
import { docxToDoc } from '../../../../src/core/transfer/docxToDoc'
import { DroppedContent } from '../../../../src/core/transfer/droppedContent'
import { exportDocx } from '../../../../src/core/transfer/exportDocx'
import { exportHtml } from '../../../../src/core/transfer/exportHtml'
import { exportMarkdown } from '../../../../src/core/transfer/exportMarkdown'
import { exportPdf } from '../../../../src/core/transfer/exportPdf'
import { htmlToDoc } from '../../../../src/core/transfer/htmlToDoc'
import { imageDimensions } from '../../../../src/core/transfer/imageDimensions'
import { draftBody } from '../../../../src/core/transfer/loadDraft'
import { markdownToDoc } from '../../../../src/core/transfer/markdownToDoc'
import { blobRef } from '../../../../src/shared/blobs/images'
import { memoryBlobs, pngImage, sha256 } from '../../../support/images'
import { draftUpdates, normaliseNode } from '../../../support/transfer'

const png = pngImage(1200, 300)
const hash = sha256(png)

function draftWithImage() {
  const workspace = memoryBlobs()
  workspace.store(png)
  const blocks = [
    { type: 'paragraph', content: [{ type: 'text', text: 'Before the chart.' }] },
    { type: 'image', attrs: { src: blobRef(hash), alt: 'Sales chart', title: null } },
    { type: 'paragraph', content: [{ type: 'text', text: 'After the chart.' }] }
  ]
  return { body: draftBody(draftUpdates(blocks)), read: workspace.read }
}

function imagesOf(json: ReturnType<typeof normaliseNode>): unknown[] {
  return (json.content ?? []).filter((block) => block.type === 'image').map((block) => block.attrs)
}

describe('images in exports and imports', () => {
  it('a Markdown export carries the image, and importing it stores the same bytes under the same reference', () => {
    const { body, read } = draftWithImage()
    const markdown = exportMarkdown(body, read)
    expect(markdown).toContain('![Sales chart](data:image/png;base64,')
    const elsewhere = memoryBlobs()
    const back = normaliseNode(markdownToDoc(markdown, new DroppedContent(), elsewhere.store))
    expect(imagesOf(back)).toEqual([expect.objectContaining({ src: blobRef(hash), alt: 'Sales chart' })])
    expect(elsewhere.blobs.get(hash)?.bytes).toEqual(png)
  })

  it('an HTML export carries the image, and importing it stores it again', () => {
    const { body, read } = draftWithImage()
    const html = exportHtml(body, 'Report', read)
    expect(html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="Sales chart">/)
    const elsewhere = memoryBlobs()
    const back = normaliseNode(htmlToDoc(html, new DroppedContent(), elsewhere.store))
    expect(imagesOf(back)).toEqual([expect.objectContaining({ src: blobRef(hash), alt: 'Sales chart' })])
  })

  it('a Word export embeds the picture scaled to the page, and importing it gives the same image back', async () => {
    const { body, read } = draftWithImage()
    const docx = await exportDocx(body, 'Report', read)
    const elsewhere = memoryBlobs()
    const dropped = new DroppedContent()
    const back = normaliseNode(await docxToDoc('Report.docx', docx, dropped, elsewhere.store))
    expect(dropped.describe()).toEqual([])
    expect(imagesOf(back)).toEqual([expect.objectContaining({ src: blobRef(hash), alt: 'Sales chart' })])
    expect(back.content?.map((block) => block.type)).toEqual(['paragraph', 'image', 'paragraph'])
  })

  it('a PDF export draws the picture instead of a placeholder', async () => {
    const { body, read } = draftWithImage()
    const pdf = Buffer.from(await exportPdf(body, 'Report', read)).toString('latin1')
    expect(pdf).toContain('/Subtype /Image')
    const placeholder = Buffer.from(await exportPdf(body, 'Report', () => null)).toString('latin1')
    expect(placeholder).not.toContain('/Subtype /Image')
  })

  it('an embedded file that is not an image is dropped with a note, not stored', () => {
    const store = memoryBlobs()
    const dropped = new DroppedContent()
    const html = `<p>x</p><img src="data:image/png;base64,${Buffer.from('<svg onload=alert(1)>').toString('base64')}">`
    const doc = normaliseNode(htmlToDoc(html, dropped, store.store))
    expect(imagesOf(doc)).toEqual([])
    expect(store.blobs.size).toBe(0)
    expect(dropped.describe()).toEqual(['1 embedded image that Holdfast cannot read (drafts keep PNG, JPEG, GIF and WebP images)'])
  })

  it('reads the size of PNG, GIF and JPEG images from their headers', () => {
    expect(imageDimensions(png, 'image/png')).toEqual({ width: 1200, height: 300 })
    const gif = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x20, 0x00, 0x10, 0x00])
    expect(imageDimensions(gif, 'image/gif')).toEqual({ width: 32, height: 16 })
    // SOI, an APP0 segment of 4 bytes, then SOF0 with height 40 and width 70.
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x28, 0x00, 0x46, 0x03])
    expect(imageDimensions(jpeg, 'image/jpeg')).toEqual({ width: 70, height: 40 })
    expect(imageDimensions(png.slice(0, 12), 'image/png')).toBeNull()
  })
})
