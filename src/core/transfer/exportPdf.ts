import type { Node as PMNode } from '@tiptap/pm/model'
import PDFDocument from 'pdfkit'
import { imageOf, type ReadBlob } from './blobImages'
import { imageDimensions } from './imageDimensions'
import { inlineRuns, type InlineRun } from './inlineRuns'
import { imageText } from './exportText'
import { pdfFonts, type FontStyle } from './pdfFonts'

const MARGIN = 72
const BODY_SIZE = 11
const HEADING_SIZES = [22, 17, 14]
const TEXT_COLOR = '#1f1f1f'
const QUOTE_COLOR = '#555555'
const LINK_COLOR = '#1a4fb5'
const INDENT = 20
/** Image types PDF can embed; others print as their alt text. */
const PDF_IMAGE_TYPES = new Set(['image/png', 'image/jpeg'])


/**
 * A draft body as a PDF (A4), written with pdfkit: headings in larger bold type and in the
 * document outline, bulleted and numbered lists, bold, italic, underline, strikethrough,
 * clickable links, indented quotes and horizontal rules, in DejaVu Sans (embedded, so Latin,
 * Greek and Cyrillic text prints as written), and PNG and JPEG images scaled to the text width;
 * other images print as "[Image: alt]".
 */
export function exportPdf(body: PMNode, title: string, readBlob: ReadBlob): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: title || 'Untitled', Creator: 'Holdfast', Producer: 'Holdfast' },
    displayTitle: true
  })
  for (const [style, data] of Object.entries(pdfFonts())) doc.registerFont(style, data)
  const chunks: Uint8Array[] = []
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })
  const writer = new PdfWriter(doc, readBlob)
  body.forEach((block) => writer.block(block, 0, false))
  doc.end()
  return done
}

class PdfWriter {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly readBlob: ReadBlob
  ) {}

  private get contentWidth(): number {
    return this.doc.page.width - MARGIN * 2
  }

  block(node: PMNode, left: number, quoted: boolean): void {
    switch (node.type.name) {
      case 'heading': {
        const level = typeof node.attrs.level === 'number' ? node.attrs.level : 1
        const size = HEADING_SIZES[level - 1] ?? BODY_SIZE
        this.doc.moveDown(level === 1 ? 0.6 : 0.4)
        if (node.textContent.trim()) this.doc.outline.addItem(node.textContent.trim())
        this.runs(inlineRuns(node), { left, size, bold: true, quoted })
        this.doc.moveDown(0.3)
        return
      }
      case 'paragraph':
        this.runs(inlineRuns(node), { left, size: BODY_SIZE, bold: false, quoted })
        this.doc.moveDown(0.5)
        return
      case 'image':
        this.image(node, left)
        this.doc.moveDown(0.5)
        return
      case 'horizontalRule': {
        const y = this.doc.y + 4
        this.doc.moveTo(MARGIN + left, y).lineTo(MARGIN + this.contentWidth, y).lineWidth(0.75).strokeColor('#999999').stroke()
        this.doc.y = y + 4
        this.doc.moveDown(0.5)
        return
      }
      case 'blockquote':
        node.forEach((child) => this.block(child, left + INDENT, true))
        return
      case 'bulletList':
      case 'orderedList':
        this.list(node, left, quoted)
        return
      default:
        this.runs([{ ...emptyRun(), text: node.textContent }], { left, size: BODY_SIZE, bold: false, quoted })
        this.doc.moveDown(0.5)
    }
  }

  private image(node: PMNode, left: number): void {
    const image = imageOf(node, this.readBlob)
    const size = image && PDF_IMAGE_TYPES.has(image.mime) ? imageDimensions(image.bytes, image.mime) : null
    if (!image || !size) {
      this.runs([{ ...emptyRun(), text: imageText(node), italic: true }], { left, size: BODY_SIZE, bold: false, quoted: true })
      return
    }
    // Pixels at 96 per inch are 0.75 points; never wider than the column or taller than a page.
    const scale = Math.min(0.75, (this.contentWidth - left) / size.width, (this.doc.page.height - MARGIN * 2) / size.height)
    const height = size.height * scale
    if (this.doc.y + height > this.doc.page.height - MARGIN) this.doc.addPage()
    const y = this.doc.y
    this.doc.image(Buffer.from(image.bytes), MARGIN + left, y, { width: size.width * scale, height })
    this.doc.y = y + height
  }

  private list(list: PMNode, left: number, quoted: boolean): void {
    const start = typeof list.attrs.start === 'number' ? list.attrs.start : 1
    const ordered = list.type.name === 'orderedList'
    list.forEach((item, _offset, index) => {
      const marker = ordered ? `${start + index}.` : '•'
      this.startBlock()
      const y = this.doc.y
      this.font(false, false).fontSize(BODY_SIZE).fillColor(quoted ? QUOTE_COLOR : TEXT_COLOR)
      this.doc.text(marker, MARGIN + left, y, { width: INDENT - 4, align: 'right', lineBreak: false })
      this.doc.y = y
      item.forEach((child) => this.block(child, left + INDENT + 4, quoted))
    })
  }

  /** Starts a new page first when less than two lines are left, so a list marker is never alone. */
  private startBlock(): void {
    if (this.doc.y + BODY_SIZE * 3 > this.doc.page.height - MARGIN) this.doc.addPage()
  }

  private font(bold: boolean, italic: boolean): PDFKit.PDFDocument {
    const style: FontStyle = bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular'
    return this.doc.font(style)
  }

  private runs(runs: InlineRun[], style: { left: number; size: number; bold: boolean; quoted: boolean }): void {
    const pieces = runs.map((run) => ({ ...run, text: `${run.breakBefore ? '\n' : ''}${run.text}` })).filter((run) => run.text)
    const x = MARGIN + style.left
    const width = this.contentWidth - style.left
    if (pieces.length === 0) {
      this.font(false, false).fontSize(style.size).text(' ', x, this.doc.y, { width })
      return
    }
    pieces.forEach((run, i) => {
      this.font(style.bold || run.bold, run.italic || style.quoted).fontSize(style.size)
      this.doc.fillColor(run.link ? LINK_COLOR : style.quoted ? QUOTE_COLOR : TEXT_COLOR)
      const options: PDFKit.Mixins.TextOptions = {
        width,
        continued: i < pieces.length - 1,
        link: run.link,
        underline: run.underline || run.link !== null,
        strike: run.strike
      }
      if (i === 0) this.doc.text(run.text, x, this.doc.y, options)
      else this.doc.text(run.text, options)
    })
  }
}

function emptyRun(): InlineRun {
  return { text: '', bold: false, italic: false, underline: false, strike: false, link: null, breakBefore: false }
}
